using System.Diagnostics;
using Npgsql;

namespace Mpi.Tests.Service.Postgres;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's binaries, <c>initdb</c> into a temporary directory and
/// <c>pg_ctl</c> on a free loopback port, as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses
/// to run as root); stopped and removed on dispose. Each test asks for a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "mpi";
    private readonly string _folder;

    // One public constructor: xunit builds class fixtures through it.
    public PostgresServer() : this("mpi-pg-") { }

    private PostgresServer(string folderPrefix) => _folder = Path.Combine(Path.GetTempPath(), $"{folderPrefix}{Guid.NewGuid():N}");

    /// <summary>A server whose temporary folder's name starts with <paramref name="folderPrefix"/>.</summary>
    public static PostgresServer InFolderPrefixed(string folderPrefix) => new(folderPrefix);
    private string _bin = "";
    private int _port;

    public string ConnectionStringFor(string database) => $"Host=127.0.0.1;Port={_port};Username={Superuser};Database={database}";

    /// <summary>A new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"mpi_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task InitializeAsync()
    {
        _bin = Directory.EnumerateDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does)");
        Directory.CreateDirectory(_folder);
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        _port = FreeTcpPort.Next();
        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale"]);
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
             // Nothing here outlives the test run and no test crashes PostgreSQL itself (the service is what gets killed), so
             // commits need not wait for the disk: the tests then run at the speed of the service, not of fsync. Each test's
             // service keeps a pool of connections to a database of its own, and test classes run side by side: hence
             // more connections than the default 100.
             "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500", "start"]);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// <see cref="DisposeAsync"/> without awaiting: for a process that is exiting, where an awaited child process's exit
    /// may never be observed (the stop then hung until the test host was killed, leaving the folder behind).
    /// </summary>
    public void Stop()
    {
        try
        {
            var start = new ProcessStartInfo(IsRoot ? "runuser" : Path.Combine(_bin, "pg_ctl")) { UseShellExecute = false };
            foreach (var argument in (IsRoot ? ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl")] : Array.Empty<string>())
                         .Concat(["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]))
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string program, IEnumerable<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await errors}{await output}");
    }
}
