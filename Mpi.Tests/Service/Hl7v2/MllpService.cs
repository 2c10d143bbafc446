using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hl7v2;

/// <summary>
/// The service with two MLLP listeners: the first bound to a key for NORTH_HOSP and SOUTH_LAB (every RPC), the
/// second to the same key but allowing only a source address no test connects from.
/// </summary>
public sealed class MllpService : RunningService
{
    /// <summary>The MLLP listeners' ports, in configuration order.</summary>
    public int[] MllpPorts { get; private set; } = [];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Mpi:MllpListeners:0:Port", "0"),
        new("Mpi:MllpListeners:1:Port", "0"), new("Mpi:MllpListeners:1:AllowedSources:0", "10.9.9.9"),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The key exists only once the service runs; the listeners read theirs at each connection.
        var key = await Credentials.IssueAsync("mllp-north-south", "NORTH_HOSP,SOUTH_LAB", Mpi.Service.Security.CallerCredential.All);
        var configuration = (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();
        configuration["Mpi:MllpListeners:0:ApiKey"] = key;
        configuration["Mpi:MllpListeners:1:ApiKey"] = key;
        configuration.Reload();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.ToArray();
        MllpPorts = [.. addresses.Skip(Mpi.Service.Faces.ListenerPort.FirstMllp).Select(a => new Uri(a).Port)];
    }
}
