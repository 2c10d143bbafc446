using System.CommandLine;
using Mpi.Service.Hosting;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>serve</c> (the default with no verb): the gRPC service on an embedded SQLite file, created and migrated on
/// first start. Settings also come from appsettings.json and MPI__* environment variables.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the gRPC service (the default when no verb is given)");
        var (port, database) = AddOptions(command);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(port), parse.GetValue(database), cancellation));
        return command;
    }

    /// <summary>Makes <paramref name="root"/> serve when run without a verb.</summary>
    public static void MakeDefault(RootCommand root)
    {
        var (port, database) = AddOptions(root);
        root.SetAction((parse, cancellation) => RunAsync(parse.GetValue(port), parse.GetValue(database), cancellation));
    }

    private static (Option<int?> Port, Option<string?> Database) AddOptions(Command command)
    {
        var port = new Option<int?>("--port") { Description = "gRPC port (HTTP/2 cleartext); default 5080" };
        var database = new Option<string?>("--database") { Description = "SQLite file; default mpi.db in the current directory" };
        command.Options.Add(port);
        command.Options.Add(database);
        return (port, database);
    }

    private static async Task<int> RunAsync(int? port, string? database, CancellationToken cancellation)
    {
        var settings = new Dictionary<string, string?>();
        if (port is not null) settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.GrpcPort)}"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[$"{MpiServiceOptions.Section}:{nameof(MpiServiceOptions.DatabasePath)}"] = Path.GetFullPath(database ?? "mpi.db");
        await using var app = ServiceHost.Build([], settings);
        await ServiceHost.PrepareAsync(app, cancellation);
        await app.RunAsync(cancellation);
        return 0;
    }
}
