using Mpi.Matching.Comparisons.Similarity;
using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// National identifier (placeholders already removed by normalisation): exact → one keying error
/// (substitution, insertion, deletion or adjacent transposition) → else. Ids assigned by two different authorities
/// are not comparable: missing.
/// </summary>
public sealed class NationalIdComparison() : Comparison("national_id",
    "National id: exact, one edit or transposition, else", "exact", "one_edit", "else")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        if (a.NationalId.Length == 0 || b.NationalId.Length == 0 || !string.Equals(a.NationalIdAuthority, b.NationalIdAuthority, StringComparison.Ordinal))
            return Missing;
        if (a.NationalId == b.NationalId) return 1;
        return EditDistance.IsOneEditOrTransposition(a.NationalId, b.NationalId) ? 2 : 3;
    }
}
