using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Mpi.Service.Hosting;
using Mpi.Service.Security;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// The real service: Kestrel on a free loopback port, a fresh SQLite file, called through a real gRPC channel.
/// </summary>
public class RunningService : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-service-");
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The service's address, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The HTTP/1.1 endpoint serving /metrics.</summary>
    public string MetricsAddress { get; private set; } = "";

    /// <summary>The HTTP/1.1 endpoint serving the review UI.</summary>
    public string UiAddress { get; private set; } = "";

    /// <summary>The HTTP/1.1 endpoint of the FHIR face (its base is <c>{FhirAddress}/fhir</c>).</summary>
    public string FhirAddress { get; private set; } = "";

    /// <summary>The host's services (the desks, the reviewer directory), for seeding what a test needs.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>A key for every registry and RPC; <see cref="Channel"/> sends it.</summary>
    public string ApiKey { get; private set; } = "";

    public CredentialStore Credentials => _app!.Services.GetRequiredService<CredentialStore>();

    /// <summary>A channel that sends <paramref name="key"/> (or nothing) with every call.</summary>
    public GrpcChannel ChannelWith(string? key) => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        Credentials = key is null ? ChannelCredentials.Insecure : ChannelCredentials.Create(ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {key}"); return Task.CompletedTask; })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });
    /// <summary>The service's database: a file in a folder of its own, or a PostgreSQL connection string (<see cref="Postgres.TestDatabases"/>).</summary>
    public virtual string DatabasePath => _databasePath ?? Path.Combine(_folder.FullName, "mpi.db");

    private string? _databasePath;

    /// <summary>A context on the service's database, whichever engine holds it, for a test to look at the tables.</summary>
    public Mpi.Service.Persistence.MpiDbContext OpenDatabase() => Mpi.Service.Persistence.DatabaseTarget.Of(DatabasePath).CreateContext();

    /// <summary>
    /// The /metrics text once <paramref name="shows"/> holds (or the last scrape after about five seconds): the
    /// exporter serves a cached scrape for a moment, so what a test just did may show only on a later one.
    /// </summary>
    public async Task<string> ScrapeMetricsAsync(Func<string, bool> shows)
    {
        using var http = new HttpClient { BaseAddress = new Uri(MetricsAddress) };
        var text = "";
        for (var attempt = 0; attempt < 20 && !shows(text); attempt++)
        {
            if (attempt > 0) await Task.Delay(250);
            text = await http.GetStringAsync("/metrics");
        }
        return text;
    }

    public virtual async Task InitializeAsync()
    {
        if (Postgres.TestDatabases.OnPostgres && !SqliteFileOnly) _databasePath = await Postgres.TestDatabases.CreatePostgresAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Mpi:GrpcPort"] = "0",
            ["Mpi:MetricsPort"] = "0",
            ["Mpi:UiPort"] = "0",
            ["Mpi:FhirPort"] = "0",
            ["Mpi:DatabasePath"] = DatabasePath,
            ["Mpi:CredentialRefreshSeconds"] = "1",
        };
        foreach (var (name, value) in Settings()) settings[name] = value;
        _app = ServiceHost.Build([], settings);
        await ServiceHost.PrepareAsync(_app, StartingModel());
        await _app.StartAsync();
        // Kestrel lists the endpoints in the order they were configured: gRPC, metrics, the review UI, then FHIR.
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        var address = addresses[0];
        MetricsAddress = addresses[1];
        UiAddress = addresses[2];
        FhirAddress = addresses[3];
        Address = address;
        ApiKey = await Credentials.IssueAsync("test-engine", CallerCredential.All, CallerCredential.All);
        Channel = ChannelWith(ApiKey);
        // Health says not serving until the record directory is loaded (at once here, on a fresh file).
        if (WaitsUntilServing) await Readiness.WaitUntilServingAsync(Channel, TimeSpan.FromSeconds(30));
    }

    /// <summary>False for a fixture whose tests are about the start itself: it hands over the service as soon as it listens.</summary>
    protected virtual bool WaitsUntilServing => true;

    /// <summary>True for a fixture whose tests are about the SQLite file itself: it keeps one on every test store.</summary>
    protected virtual bool SqliteFileOnly => false;

    /// <summary>Configuration a fixture sets on top of the defaults (for example a tighter bound to test).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>A model to activate before serving (as <c>serve --model</c> does); null keeps the shipped default.</summary>
    protected virtual Mpi.Matching.Settings.MatchModel? StartingModel() => null;

    public virtual async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Mpi.Service.Persistence.DatabaseTarget.Of(DatabasePath) is { IsPostgres: true } postgres)
        {
            // The pool's idle connections to this test's database would otherwise stay open for minutes.
            using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        _folder.Delete(recursive: true);
    }
}
