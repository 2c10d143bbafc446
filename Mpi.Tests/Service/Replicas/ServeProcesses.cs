using Grpc.Net.Client;
using Mpi.Service.Persistence;
using Mpi.Tests.Service.Crash;
using Mpi.Tests.Service.Grpc;
using Mpi.Tests.Service.Postgres;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// Replicas as an operator runs them: <c>serve --database postgresql…</c> processes on one real PostgreSQL database,
/// each in a working folder of its own. The first one started creates the development key; the others use it.
/// </summary>
internal sealed class ServeProcesses : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly PostgresServer _server = new();
    private readonly List<DirectoryInfo> _folders = [];
    private readonly List<ServiceProcess?> _replicas = [];
    private readonly List<GrpcChannel> _channels = [];

    public string Database { get; private set; } = "";
    public string Key { get; private set; } = "";

    public ServiceProcess this[int replica] => _replicas[replica] ?? throw new InvalidOperationException($"replica {replica} is not running");

    public static async Task<ServeProcesses> LaunchAsync(int replicas)
    {
        var processes = new ServeProcesses();
        try
        {
            await processes._server.InitializeAsync();
            processes.Database = await processes._server.CreateDatabaseAsync();
            for (var i = 0; i < replicas; i++)
            {
                processes._folders.Add(Directory.CreateTempSubdirectory($"mpi-replica-{i}-"));
                processes._replicas.Add(null);
                await processes.StartAsync(i);
            }
            return processes;
        }
        catch
        {
            await processes.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts replica <paramref name="replica"/> (again, after a kill: same folder, same database) and waits until it serves.</summary>
    public async Task StartAsync(int replica)
    {
        var process = await ServiceProcess.StartInAsync(_folders[replica].FullName, Database, StartTimeout);
        _replicas[replica] = process;
        if (Key.Length == 0) Key = process.DevelopmentKey ?? throw new InvalidOperationException($"no development key on the first start:\n{process.Output}");
        await Readiness.WaitUntilServingAsync(Channel(replica), StartTimeout);
    }

    /// <summary>Kills replica <paramref name="replica"/> without warning (SIGKILL).</summary>
    public async Task KillAsync(int replica)
    {
        await this[replica].KillAsync(TimeSpan.FromSeconds(30));
        this[replica].Dispose();
        _replicas[replica] = null;
    }

    /// <summary>A new channel to replica <paramref name="replica"/> with the key (disposed with the replicas).</summary>
    public GrpcChannel Channel(int replica)
    {
        var channel = this[replica].ChannelWith(Key);
        _channels.Add(channel);
        return channel;
    }

    public MpiDbContext OpenDatabase() => DatabaseTarget.Of(Database).CreateContext();

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        foreach (var replica in _replicas) replica?.Dispose();
        await _server.DisposeAsync();
        foreach (var folder in _folders) folder.Delete(recursive: true);
    }
}
