using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Mpi.Service.Hosting;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// The real service: Kestrel on a free loopback port, a fresh SQLite file, called through a real gRPC channel.
/// </summary>
public sealed class RunningService : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-service-");
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The service's address, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; private set; } = "";
    public string DatabasePath => Path.Combine(_folder.FullName, "mpi.db");

    public async Task InitializeAsync()
    {
        _app = ServiceHost.Build([], new Dictionary<string, string?>
        {
            ["Mpi:GrpcPort"] = "0",
            ["Mpi:DatabasePath"] = DatabasePath,
        });
        await ServiceHost.PrepareAsync(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
