using Mpi.Matching.Comparisons.Similarity;
using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>Phone (digits only): exact → one keying error → else.</summary>
public sealed class PhoneComparison() : Comparison("phone", "Phone: exact, one digit changed/added/dropped or two swapped, else",
    "exact", "one_edit", "else")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        if (a.Phone.Length == 0 || b.Phone.Length == 0) return Missing;
        if (a.Phone == b.Phone) return 1;
        return EditDistance.IsOneEditOrTransposition(a.Phone, b.Phone) ? 2 : 3;
    }
}
