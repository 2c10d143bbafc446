using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mpi.Matching.Normalization;
using Mpi.Matching.Settings;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Hosting;
using Mpi.Service.Desks;
using Mpi.Service.Grpc;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Model;
using Mpi.Service.Observability;
using OpenTelemetry.Metrics;
using Mpi.Service.Persons;
using Mpi.Service.Review;
using Mpi.Service.Security;
using Mpi.Service.Registration;
using Serilog;
using Serilog.Formatting.Compact;
using Mpi.Service.Changes;
using Mpi.Service.ExceptionQueue;
using Mpi.Service.Configuration;
using Mpi.Service.Learning;
using Mpi.Service.Fhir;
using Mpi.Service.Faces;
using Mpi.Service.Hl7v2;

namespace Mpi.Service.Hosting;

/// <summary>
/// The gRPC service host: Kestrel with a cleartext HTTP/2 endpoint (gRPC), HTTP/1.1 endpoints for metrics and the review UI, EF Core on SQLite (created and migrated before
/// the first request), standard health checking and server reflection, and Serilog on the console. Logs carry record
/// keys and outcomes only, never demographics.
/// </summary>
public static class ServiceHost
{
    private static readonly string[] ServedServices = ["mpi.v1.RegistrationService", "mpi.v1.PersonService", "mpi.v1.ReviewService", "mpi.v1.ModelService", "mpi.v1.IdentityChangeService"];

    /// <summary>Builds the application; <paramref name="settings"/> override configuration (e.g. Mpi:GrpcPort).</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOptions<MpiServiceOptions>().BindConfiguration(MpiServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(MpiServiceOptions.Section).Get<MpiServiceOptions>() ?? new MpiServiceOptions();

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((_, log) =>
        {
            log.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
                // grpc-dotnet logs every RpcException a service throws at Information, its detail quoting what the
                // caller sent; refusals are counted in metrics and audited instead.
                .MinimumLevel.Override("Grpc", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
                // The health service reports every round's unhealthy check as an error; a directory still loading at
                // start-up is expected (RecordDirectoryWarmup logs its start and end), so only the database's count.
                .Filter.ByExcluding(e => e.Properties.TryGetValue("HealthCheckName", out var check)
                    && check is Serilog.Events.ScalarValue { Value: RecordDirectoryHealthCheck.Name })
                // The UI's cookie keys are guarded as the database is: an owner-only folder beside the SQLite file, or rows
                // of the PostgreSQL database (see AddDataProtection below). With no certificate to wrap them on Linux,
                // ASP.NET warns on every start about what that access control already does.
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", Serilog.Events.LogEventLevel.Error)
                // ASP.NET's environment name ("Production") configures nothing here, and beside the development
                // credentials printed on a first start it only confuses: the service has one mode.
                .Filter.ByExcluding(e => e.MessageTemplate.Text.StartsWith("Hosting environment:", StringComparison.Ordinal)
                    || e.MessageTemplate.Text.StartsWith("Content root path:", StringComparison.Ordinal))
                .Enrich.FromLogContext();
            if (options.JsonLogs) log.WriteTo.Console(new CompactJsonFormatter());
            else log.WriteTo.Console();
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Cleartext gRPC has no ALPN to negotiate HTTP/2, so the endpoint speaks HTTP/2 only.
            var address = options.ListenOnAllInterfaces ? System.Net.IPAddress.Any : System.Net.IPAddress.Loopback;
            kestrel.Listen(address, options.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            // Prometheus scrapes over HTTP/1.1, which the gRPC endpoint does not speak.
            kestrel.Listen(address, options.MetricsPort, l => l.Protocols = HttpProtocols.Http1);
            kestrel.Listen(address, options.UiPort, l => l.Protocols = HttpProtocols.Http1);
            kestrel.Listen(address, options.FhirPort, l => l.Protocols = HttpProtocols.Http1);
            // HL7 v2 over MLLP: raw TCP, each listener's connections served by the MLLP handler with that listener's key.
            for (var i = 0; i < options.MllpListeners.Count; i++)
            {
                var listener = i;
                kestrel.Listen(address, options.MllpListeners[i].Port,
                    l => l.Run(connection => l.ApplicationServices.GetRequiredService<MllpConnections>().ServeAsync(connection, listener)));
            }
            ConnectionLimits.Apply(kestrel.Limits, options);
        });

        // Contexts come from a pool: each gRPC call is a scope, and building a context (its internal services, its
        // connection object) had been a tenth of a person read's CPU. A context goes back reset: nothing tracked, no
        // transaction, its connection closed.
        var database = DatabaseTarget.Of(options.DatabasePath);
        builder.Services.AddSingleton(database);
        if (database.IsPostgres) builder.Services.AddDbContextPool<MpiDbContext, PostgresMpiDbContext>(db => database.Configure(db));
        else
            builder.Services.AddDbContextPool<MpiDbContext>(db => database.Configure(db.AddInterceptors(new SqliteConnectionTuning(options.SqliteCacheMegabytes))));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new RecordNormalizer(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ActiveModelHolder>();
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<RegistrationBatcher>();
        builder.Services.AddSingleton<RegisterAdmission>();
        builder.Services.AddSingleton<GroupAuditWriter>();
        builder.Services.AddSingleton<PersonRowReaders>();
        builder.Services.AddSingleton<RecordDirectory>();
        builder.Services.AddSingleton<RecordDirectoryFeed>();
        builder.Services.AddSingleton<FeedWatchers>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddSingleton<RegistrationExceptions>();
        builder.Services.AddSingleton<QualityCheckSampler>();
        builder.Services.AddSingleton<GrpcLoopback>();
        builder.Services.AddSingleton<FhirFace>();
        builder.Services.AddSingleton<AdtMessages>();
        builder.Services.AddSingleton<AdtMessageLedger>();
        builder.Services.AddSingleton<MllpConnections>();
        // The request decoder keeps an undecodable Register in the exception queue: it finds its request through this.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHostedService<RecordDirectoryWarmup>();
        builder.Services.AddHostedService<ClaimExpiry>();
        builder.Services.AddHostedService<ActiveModelFollower>();
        builder.Services.AddScoped<CandidateSearch>();
        builder.Services.AddScoped<RecordDecider>();
        builder.Services.AddScoped<DifferentPersonMarks>();
        builder.Services.AddScoped<DifferentPersonMarkOperations>();
        builder.Services.AddScoped<RecordRegistrar>();
        builder.Services.AddScoped<RecordDeactivation>();
        builder.Services.AddScoped<RecordMatcher>();
        builder.Services.AddScoped<ProcessedMessages>();
        builder.Services.AddScoped<PersonReader>();
        builder.Services.AddScoped<IdentifierLookup>();
        builder.Services.AddScoped<ReviewQueue>();
        builder.Services.AddScoped<ReviewCandidates>();
        builder.Services.AddScoped<ReviewTaskReader>();
        builder.Services.AddScoped<ReviewEvidenceRefresh>();
        builder.Services.AddScoped<StewardOperations>();
        builder.Services.AddScoped<ModelVersions>();
        builder.Services.AddScoped<ModelRetraining>();
        builder.Services.AddScoped<ModelLearning>();

        builder.Services.AddReviewUiDesks();
        // Sign-in cookies are sealed with keys kept with the database: they survive a restart and belong to this
        // deployment, not to whichever user profile the process runs under. On PostgreSQL they are rows of the shared
        // database, so a clerk signed in through one replica stays signed in on the next the load balancer picks.
        var keys = builder.Services.AddDataProtection().SetApplicationName("mpi-review-ui");
        if (database.IsPostgres)
        {
            builder.Services.AddScoped(services => (PostgresMpiDbContext)services.GetRequiredService<MpiDbContext>());
            keys.PersistKeysToDbContext<PostgresMpiDbContext>();
        }
        else
        {
            var keyFolder = UiKeyFolder.Beside(database.FilePath!);
            builder.Services.AddSingleton(keyFolder);
            keys.PersistKeysToFileSystem(new DirectoryInfo(keyFolder.Path));
        }

        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<MpiMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(MpiMetrics.MeterName).AddPrometheusExporter());
        builder.Services.AddGrpc(grpc =>
        {
            // The refusal audit first (outermost): it sees what the authentication refuses after naming the caller.
            grpc.Interceptors.Add<RefusalAuditInterceptor>();
            grpc.Interceptors.Add<AuthenticationInterceptor>();
            grpc.MaxReceiveMessageSize = options.MaxMessageKilobytes * 1024;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health =>
        {
            // The whole server ("") and each served mpi.v1 service by its full name report the database check.
            foreach (var service in ServedServices) health.Services.Map(service, _ => true);
            // Check answers from the result the publisher last recorded instead of querying the database on every
            // call: probes cost nothing, and Check is the load test's empty-RPC baseline.
            health.UseHealthChecksCache = true;
        }).AddCheck<DatabaseHealthCheck>("database").AddCheck<RecordDirectoryHealthCheck>(RecordDirectoryHealthCheck.Name);
        InOrderHealthPublisher.Wrap(builder.Services);
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.Zero;
            // A round costs about 1 ms. The record directory's warm-up publishes too, the moment it has loaded, in
            // order with the rounds (InOrderHealthPublisher).
            publisher.Period = TimeSpan.FromSeconds(1);
        });

        var app = builder.Build();
        var server = app.Services.GetRequiredService<IServer>();
        // The FHIR face first: its port answers FHIR only, and its requests never reach the UI's or gRPC's pipeline.
        app.UseFhirFace(new ListenerPort(server, ListenerPort.Fhir).IsConnection);
        app.UseReviewUi(new ListenerPort(server, ListenerPort.Ui).IsConnection);
        app.UseMiddleware<KeyCheckMiddleware>();
        app.MapGrpcService<RegistrationGrpcService>();
        app.MapGrpcService<PersonGrpcService>();
        app.MapGrpcService<ReviewGrpcService>();
        app.MapGrpcService<ModelGrpcService>();
        app.MapGrpcService<IdentityChangeGrpcService>();
        app.MapGrpcService<ExceptionGrpcService>();
        app.MapPrometheusScrapingEndpoint();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Migrates the database and loads the active model, before the host accepts calls.</summary>
    /// <param name="model">A model to activate before serving (e.g. trained offline with <c>train</c>), or null.</param>
    public static async Task PrepareAsync(WebApplication app, MatchModel? model = null, CancellationToken cancellation = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        await DatabaseInitializer.InitializeAsync(db, cancellation);
        app.Services.GetService<UiKeyFolder>()?.Create();
        var holder = app.Services.GetRequiredService<ActiveModelHolder>();
        await holder.LoadAsync(db, cancellation);
        if (model is not null && model.Version != holder.Current.Model.Version)
            await holder.ActivateAsync(db, app.Services.GetRequiredService<WriteGate>(), model, "serve --model", cancellation);
        // The database is migrated and opens: serving from the first call, before the publisher's first round, unless
        // the record directory is still to be loaded (its warm-up reports serving the moment it is).
        var options = app.Services.GetRequiredService<IOptions<MpiServiceOptions>>().Value;
        ReportServing(app.Services, RecordDirectoryHealthCheck.IsReady(app.Services.GetRequiredService<RecordDirectory>(), options));
        await DevelopmentCredential.IssueOnFirstStartAsync(app.Services.GetRequiredService<CredentialStore>(), Console.Out, cancellation);
        await FirstSteward.EnsureAsync(app.Services, Console.Out, cancellation);
    }

    /// <summary>Sets grpc.health.v1's status of the whole server and of each served service, before the publisher's first round.</summary>
    private static void ReportServing(IServiceProvider services, bool serving)
    {
        var health = services.GetRequiredService<global::Grpc.HealthCheck.HealthServiceImpl>();
        var status = serving ? global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving : global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing;
        foreach (var service in ServedServices.Prepend("")) health.SetStatus(service, status);
    }
}
