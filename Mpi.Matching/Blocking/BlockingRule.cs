using Mpi.Matching.Records;

namespace Mpi.Matching.Blocking;

/// <summary>
/// A blocking rule: records with equal keys are candidate pairs. A rule yields no key (0) when a part it needs is
/// missing, so that empty values never block together.
/// </summary>
public sealed class BlockingRule(string name, string description, Func<NormalizedRecord, int, ulong> key)
{
    public string Name { get; } = name;
    public string Description { get; } = description;

    /// <summary>The record's key under this rule (0 = none). <paramref name="ordinal"/> separates rules' key spaces.</summary>
    public ulong Key(NormalizedRecord record, int ordinal) => key(record, ordinal);
}
