using Mpi.Service.Security;

namespace Mpi.Service.Changes;

/// <summary>A validated request to read the feed: where to start and which registries' changes to send.</summary>
/// <param name="Registries">Null: every registry (a key granted all of them that named none).</param>
public sealed record FeedRequest(FeedPosition From, IReadOnlySet<string>? Registries)
{
    public bool Shows(string[] registries) => Registries is null || registries.Any(Registries.Contains);

    /// <summary>The registries a caller may follow: those it named, or all it may see; null when that is every registry.</summary>
    public static IReadOnlySet<string>? Filter(RegistryScope scope, IReadOnlyCollection<string> named) =>
        named.Count > 0 ? named.ToHashSet(StringComparer.Ordinal)
        : scope.Registries is { } granted ? granted.ToHashSet(StringComparer.Ordinal) : null;
}
