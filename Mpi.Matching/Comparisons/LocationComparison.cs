using Mpi.Matching.Comparisons.Similarity;
using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// Where the person lives and how to reach them — address line, city, postal code and phone — as one comparison.
/// They are not independent: people who share a street share a postal code and a city, and a household shares a
/// landline. Scored as four comparisons, one household would count as four agreements and outvote a different given
/// name and date of birth (the household trap, docs/decisions.md); as one comparison, its levels' u come from how often
/// strangers share the whole combination. Levels: same address and phone → same address → same phone → similar
/// address in the same area → same postal code and city → same postal code or city → else. A phone or address that
/// more than <see cref="SharedContactRecords"/> records carry (<see cref="Scoring.ContactCounts"/>) agrees only as
/// far as the area does.
/// <para>A similar address is one of: the first lines within Jaro–Winkler 0.88, or the same but for a house number
/// left off one of them, in the same area; the same named place on the second line (a village, a hospital, a
/// property: no number in it, not a shared contact) in the same area; or both lines the very same with the area
/// keyed wrongly (a city and a postal code each mistyped are likelier than another person at that two-line address).
/// A unit number on the second line locates nobody without its street.</para>
/// </summary>
public sealed class LocationComparison() : Comparison("location",
    "Address, city, postal code and phone together: same address and phone, same address, same phone (or one keying error), similar address (Jaro-Winkler >= 0.88, a house number left off or the same named place in the same area, or both lines the same elsewhere), same postal code and city, same postal code or city, else",
    "same_address_and_phone", "same_address", "same_phone", "similar_address", "same_area", "same_postal_code_or_city", "else")
{
    private const double AddressSimilar = 0.88;

    /// <summary>
    /// A phone or address carried by more records than this is a shared contact (a care home, a switchboard, a
    /// shelter): agreeing on it counts no more than living in the same area. A household of five, each registered
    /// in several registries, stays under it.
    /// </summary>
    public const int SharedContactRecords = 30;

    private const double CitySimilar = 0.92;

    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        var hasAddress = a.AddressLine.Length > 0 && b.AddressLine.Length > 0;
        var hasPostal = a.PostalCode.Length > 0 && b.PostalCode.Length > 0;
        var hasCity = a.City.Length > 0 && b.City.Length > 0;
        var hasPhone = a.Phone.Length > 0 && b.Phone.Length > 0;
        if (!hasAddress && !hasPostal && !hasCity && !hasPhone) return Missing;

        var samePhone = hasPhone && !Shared(a.PhoneSharedBy, b.PhoneSharedBy)
            && (a.Phone == b.Phone || EditDistance.IsOneEditOrTransposition(a.Phone, b.Phone));
        var samePostal = hasPostal && a.PostalCode == b.PostalCode;
        var sameCity = hasCity && (a.City == b.City || NameSimilarity.Of(a.City, b.City) >= CitySimilar);
        var sameArea = samePostal || sameCity;
        if (hasAddress && a.AddressLine == b.AddressLine && (sameArea || (!hasPostal && !hasCity)))
        {
            if (!Shared(a.AddressSharedBy, b.AddressSharedBy)) return samePhone ? 1 : 2;
            if (samePhone) return 3;
            return samePostal && sameCity ? 5 : 6;
        }
        if (samePhone) return 3;
        if (hasAddress && sameArea && (NameSimilarity.Of(a.AddressLine, b.AddressLine) >= AddressSimilar || SameButHouseNumber(a.AddressLine, b.AddressLine))) return 4;
        if (sameArea && SameNamedPlace(a, b)) return 4;
        if (hasAddress && a.AddressLine == b.AddressLine && a.AddressLine2.Length > 0 && a.AddressLine2 == b.AddressLine2) return 4;
        if (samePostal && sameCity) return 5;
        if (sameArea) return 6;
        return 7;
    }

    private static bool Shared(int a, int b) => Math.Max(a, b) > SharedContactRecords;

    /// <summary>One line is the other with its leading house number left off (BRADFIELD ST, 764 BRADFIELD ST).</summary>
    private static bool SameButHouseNumber(string a, string b)
    {
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var space = longer.IndexOf(' ');
        if (space <= 0 || shorter.Length == 0 || !char.IsAsciiDigit(longer[0]) || char.IsAsciiDigit(shorter[0])) return false;
        return longer.AsSpan(space + 1).SequenceEqual(shorter);
    }

    /// <summary>The same named place on the second line: no digit in it (not a unit), and not a shared contact.</summary>
    private static bool SameNamedPlace(NormalizedRecord a, NormalizedRecord b) =>
        a.AddressLine2.Length > 0 && b.AddressLine2.Length > 0
        && !a.AddressLine2.AsSpan().ContainsAnyInRange('0', '9') && !b.AddressLine2.AsSpan().ContainsAnyInRange('0', '9')
        && !Shared(a.AddressLine2SharedBy, b.AddressLine2SharedBy)
        && (a.AddressLine2 == b.AddressLine2 || NameSimilarity.Of(a.AddressLine2, b.AddressLine2) >= AddressSimilar);
}
