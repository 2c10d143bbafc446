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
        var (port, metricsPort, uiPort, fhirPort, database, model) = AddOptions(command);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(port), parse.GetValue(metricsPort), parse.GetValue(uiPort),
            parse.GetValue(fhirPort), parse.GetValue(database), parse.GetValue(model), cancellation));
        return command;
    }

    /// <summary>Makes <paramref name="root"/> serve when run without a verb.</summary>
    public static void MakeDefault(RootCommand root)
    {
        var (port, metricsPort, uiPort, fhirPort, database, model) = AddOptions(root);
        root.SetAction((parse, cancellation) => RunAsync(parse.GetValue(port), parse.GetValue(metricsPort), parse.GetValue(uiPort),
            parse.GetValue(fhirPort), parse.GetValue(database), parse.GetValue(model), cancellation));
    }

    private static (Option<int?> Port, Option<int?> MetricsPort, Option<int?> UiPort, Option<int?> FhirPort, Option<string?> Database,
        Option<FileInfo?> Model) AddOptions(Command command)
    {
        var port = new Option<int?>("--port") { Description = "gRPC port (HTTP/2 cleartext); default 5080" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "HTTP/1.1 port of /metrics; default 5081" };
        var uiPort = new Option<int?>("--ui-port") { Description = "HTTP/1.1 port of the review UI; default 5082" };
        var fhirPort = new Option<int?>("--fhir-port") { Description = "HTTP/1.1 port of the FHIR R4 face (/fhir); default 5083" };
        var database = new Option<string?>("--database") { Description = "SQLite file; default mpi.db in the current directory" };
        var model = new Option<FileInfo?>("--model") { Description = "Activate this model JSON (e.g. from train) before serving; the previous version is kept" };
        command.Options.Add(port);
        command.Options.Add(metricsPort);
        command.Options.Add(uiPort);
        command.Options.Add(fhirPort);
        command.Options.Add(database);
        command.Options.Add(model);
        return (port, metricsPort, uiPort, fhirPort, database, model);
    }

    private static async Task<int> RunAsync(int? port, int? metricsPort, int? uiPort, int? fhirPort, string? database, FileInfo? modelFile,
        CancellationToken cancellation)
    {
        var model = modelFile is null ? null : ModelSource.Load(modelFile, Console.Error);
        if (modelFile is not null && model is null) return ExitCodes.InputError;
        var settings = new Dictionary<string, string?>();
        if (port is not null) settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.GrpcPort)}"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (metricsPort is not null) settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.MetricsPort)}"] = metricsPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (uiPort is not null) settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.UiPort)}"] = uiPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (fhirPort is not null) settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.FhirPort)}"] = fhirPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.DatabasePath)}"] = Path.GetFullPath(database ?? "mpi.db");
        await using var app = ServiceHost.Build([], settings);
        await ServiceHost.PrepareAsync(app, model, cancellation);
        await app.RunAsync(cancellation);
        return 0;
    }
}
