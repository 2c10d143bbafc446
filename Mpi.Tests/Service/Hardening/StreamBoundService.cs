using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>A service that holds at most 4 RegisterStreams open in all and 3 per key: the total bites first.</summary>
public sealed class StreamBoundService : RunningService
{
    public const int Total = 4, PerKey = 3;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Mpi:MaxStreams", $"{Total}"), new("Mpi:MaxStreamsPerKey", $"{PerKey}")];
}
