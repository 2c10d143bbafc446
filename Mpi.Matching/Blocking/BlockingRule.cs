using Mpi.Matching.Records;

namespace Mpi.Matching.Blocking;

/// <summary>
/// A blocking rule: records with equal keys are candidate pairs. A rule yields no key (0) when a part it needs is
/// missing, so that empty values never block together.
/// </summary>
/// <param name="maxBlockSize">
/// A tighter bound than the model's for broad rules (one field alone): their small blocks are worth scoring — a rare
/// family name is a good lead — but their large ones are not.
/// </param>
/// <param name="comparisons">
/// The comparisons whose fields the key reads: pairs blocked by this rule agree on them by construction, so EM
/// training over these pairs must not estimate their m.
/// </param>
public sealed class BlockingRule(string name, string description, Func<NormalizedRecord, int, ulong> key, int maxBlockSize = int.MaxValue,
    params string[] comparisons)
{
    public IReadOnlyList<string> Comparisons { get; } = comparisons;

    public string Name { get; } = name;
    public string Description { get; } = description;
    public int MaxBlockSize { get; } = maxBlockSize;

    /// <summary>The record's key under this rule (0 = none). <paramref name="ordinal"/> separates rules' key spaces.</summary>
    public ulong Key(NormalizedRecord record, int ordinal) => key(record, ordinal);
}
