using System.Collections.Concurrent;

namespace Mpi.Service.Matching;

/// <summary>
/// Blocking keys already seen to hold more records than their bound (a common name, a shared address), with the
/// number seen. Candidate search skips such a key without reading it again: reading an oversized block up to its bound
/// on every call cost more than all the other keys together. Blocks only grow (an update that drops a key is the rare
/// exception, and then the key stays skipped, as a bounded block would have been anyway).
/// </summary>
public sealed class OversizedBlocks
{
    private readonly ConcurrentDictionary<long, int> _seen = new();

    /// <summary>True when the key is known to hold more than <paramref name="bound"/> records.</summary>
    public bool Exceeds(long key, int bound) => _seen.TryGetValue(key, out var seen) && seen > bound;

    public void Record(long key, int seen) => _seen.AddOrUpdate(key, seen, (_, held) => Math.Max(held, seen));
}
