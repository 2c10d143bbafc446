using System.CommandLine;
using Mpi.Service.Hosting;
using Mpi.Service.Configuration;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>serve</c> (the default with no verb): the gRPC service and the review UI on an embedded SQLite file, created and migrated on
/// first start. Settings also come from appsettings.json and MPI__* environment variables.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the gRPC service (the default when no verb is given)");
        var options = AddOptions(command);
        command.SetAction((parse, cancellation) => RunAsync(parse, options, cancellation));
        return command;
    }

    /// <summary>Makes <paramref name="root"/> serve when run without a verb.</summary>
    public static void MakeDefault(RootCommand root)
    {
        var options = AddOptions(root);
        root.SetAction((parse, cancellation) => RunAsync(parse, options, cancellation));
    }

    /// <summary>The options of <c>serve</c>; each port given overrides its <see cref="MpiServiceOptions"/> setting.</summary>
    private sealed record ServeOptions(Option<int?> Port, Option<int?> MetricsPort, Option<int?> UiPort, Option<int?> FhirPort, Option<int?> MllpPort,
        Option<string?> Database, Option<FileInfo?> Model);

    private static ServeOptions AddOptions(Command command)
    {
        var options = new ServeOptions(
            new Option<int?>("--port") { Description = "gRPC port (HTTP/2 cleartext); default 5080" },
            new Option<int?>("--metrics-port") { Description = "HTTP/1.1 port of /metrics; default 5081" },
            new Option<int?>("--ui-port") { Description = "HTTP/1.1 port of the review UI; default 5082" },
            new Option<int?>("--fhir-port") { Description = "HTTP/1.1 port of the FHIR R4 face (/fhir); default 5083" },
            new Option<int?>("--mllp-port")
            {
                Description = "HL7 v2 MLLP port (none by default); its messages are sent with the key in Mpi__MllpListeners__0__ApiKey",
            },
            new Option<string?>("--database")
            {
                Description = "SQLite file (default mpi.db in the current directory), or a PostgreSQL connection string (Host=…;Database=… or postgresql://…)",
            },
            new Option<FileInfo?>("--model") { Description = "Activate this model JSON (e.g. from train) before serving; the previous version is kept" });
        foreach (var option in new Option[] { options.Port, options.MetricsPort, options.UiPort, options.FhirPort, options.MllpPort, options.Database, options.Model })
            command.Options.Add(option);
        return options;
    }

    private static async Task<int> RunAsync(ParseResult parse, ServeOptions options, CancellationToken cancellation)
    {
        // The start-up refusals go where the invocation writes its errors (the console's, unless a test gives its own).
        var errors = parse.InvocationConfiguration.Error;
        var modelFile = parse.GetValue(options.Model);
        var model = modelFile is null ? null : ModelSource.Load(modelFile, errors);
        if (modelFile is not null && model is null) return ExitCodes.InputError;
        var settings = new Dictionary<string, string?>();
        void Port(Option<int?> option, string setting)
        {
            if (parse.GetValue(option) is { } port) settings[$"{MpiServiceOptions.Section}:{setting}"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Port(options.Port, nameof(MpiServiceOptions.GrpcPort));
        Port(options.MetricsPort, nameof(MpiServiceOptions.MetricsPort));
        Port(options.UiPort, nameof(MpiServiceOptions.UiPort));
        Port(options.FhirPort, nameof(MpiServiceOptions.FhirPort));
        Port(options.MllpPort, $"{nameof(MpiServiceOptions.MllpListeners)}:0:{nameof(Hl7v2.MllpListenerOptions.Port)}");
        var database = Persistence.DatabaseTarget.Of(parse.GetValue(options.Database) ?? "mpi.db");
        settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.DatabasePath)}"] = database.FilePath ?? database.ConnectionString;
        await using var app = ServiceHost.Build([], settings);
        // MLLP carries no key: a listener without one would refuse every connection, so it is refused at start instead.
        var configured = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MpiServiceOptions>>().Value;
        if (configured.MllpListeners.FindIndex(l => l.ApiKey.Length == 0) is var keyless and >= 0)
        {
            await errors.WriteLineAsync($"MLLP listener {keyless} has no API key: set Mpi__MllpListeners__{keyless}__ApiKey to a key from `credentials issue`");
            return ExitCodes.InputError;
        }
        if (PortsInUse.Of(configured) is [_, ..] taken)
        {
            foreach (var port in taken)
                await errors.WriteLineAsync($"{port} is in use: is another serve running? Stop it, or choose another port");
            return ExitCodes.InputError;
        }
        await ServiceHost.PrepareAsync(app, model, cancellation);
        await app.RunAsync(cancellation);
        return 0;
    }
}
