using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>Administrative sex (informative codes only: M, F, O): same → different.</summary>
public sealed class SexComparison() : Comparison("sex", "Sex: same, different", "same", "different")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        if (a.Sex == '\0' || b.Sex == '\0') return Missing;
        return a.Sex == b.Sex ? 1 : 2;
    }
}
