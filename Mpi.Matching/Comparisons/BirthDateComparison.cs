using Mpi.Matching.Comparisons.Similarity;
using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// Date of birth: exact → day and month transposed (03/04 vs 04/03) → one keying error in the eight digits
/// (one digit changed, or two adjacent digits swapped) → two digits differ → same year → else.
/// </summary>
public sealed class BirthDateComparison() : Comparison("birth_date",
    "Date of birth: exact, day/month transposed, one digit differs or two adjacent digits swapped, two digits differ, same year, else",
    "exact", "day_month_transposed", "one_digit", "two_digits", "same_year", "else")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        if (!a.HasBirthDate || !b.HasBirthDate) return Missing;
        if (a.BirthYear == b.BirthYear)
        {
            if (a.BirthMonth == b.BirthMonth && a.BirthDay == b.BirthDay) return 1;
            if (a.BirthMonth == b.BirthDay && a.BirthDay == b.BirthMonth) return 2;
        }
        if (EditDistance.IsOneEditOrTransposition(a.BirthDigits, b.BirthDigits)) return 3;
        if (EditDistance.HammingDistance(a.BirthDigits, b.BirthDigits) == 2) return 4;
        if (a.BirthYear == b.BirthYear) return 5;
        return 6;
    }
}
