using System.Collections.Immutable;
using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// One comparison of the model: how two records agree on a field (or a group of correlated fields), as an ordered
/// list of levels. Level 0 is always "missing" (either side lacks the value; weight 0); levels 1..n run from the
/// strongest agreement to "else". The m and u probabilities of each level live in the model, not here.
/// </summary>
public abstract class Comparison(string name, string description, params string[] levels)
{
    /// <summary>The level both sides take when either value is missing; it carries no weight.</summary>
    public const int Missing = 0;

    /// <summary>Stable name, as it appears in the model JSON (e.g. <c>given_name</c>).</summary>
    public string Name { get; } = name;

    /// <summary>What the comparison looks at, for a steward reading the model.</summary>
    public string Description { get; } = description;

    /// <summary>Level labels; index 0 is <c>missing</c>, the last one is <c>else</c>.</summary>
    public ImmutableArray<string> Levels { get; } = ["missing", .. levels];

    /// <summary>The level of agreement between two records. Must not allocate: this is the scoring hot path.</summary>
    public abstract int Level(NormalizedRecord a, NormalizedRecord b);

    /// <summary>
    /// The level whose u probability is replaced by the term frequency of the agreeing value (two SMITHs agree less
    /// than two ZYWIECs), or -1 when the comparison is not adjusted.
    /// </summary>
    public virtual int TermFrequencyLevel => -1;

    /// <summary>The relative frequency of the value that agrees at <see cref="TermFrequencyLevel"/>.</summary>
    public virtual double TermFrequency(NormalizedRecord a, NormalizedRecord b) => 0;

    /// <summary>The "else" level: both values present and no agreement level applies.</summary>
    public int ElseLevel => Levels.Length - 1;
}
