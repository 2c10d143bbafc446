using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>A service whose per-connection HTTP/2 bounds differ from Kestrel's defaults, to see that they are applied.</summary>
public sealed class ConnectionBoundService : RunningService
{
    public const int StreamsPerConnection = 7, ConnectionWindowKilobytes = 200, StreamWindowKilobytes = 100, HeadersKilobytes = 20;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Mpi:MaxStreamsPerConnection", $"{StreamsPerConnection}"),
        new("Mpi:ConnectionWindowKilobytes", $"{ConnectionWindowKilobytes}"),
        new("Mpi:StreamWindowKilobytes", $"{StreamWindowKilobytes}"),
        new("Mpi:MaxRequestHeadersKilobytes", $"{HeadersKilobytes}"),
    ];
}
