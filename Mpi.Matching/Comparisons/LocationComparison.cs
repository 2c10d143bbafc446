using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// Address line, city and postal code as one comparison. They are not independent (people who share a street
/// share a postal code and a city), so scoring them as three comparisons would count one agreement three times —
/// the household trap of DESIGN.md. Levels: same address → similar address → same postal code and city →
/// same postal code or city → else.
/// </summary>
public sealed class LocationComparison() : Comparison("location",
    "Address, city and postal code together: same address (and postal code or city), similar address (Jaro-Winkler >= 0.88) in the same area, same postal code and city, same postal code or city, else",
    "same_address", "similar_address", "same_area", "same_postal_code_or_city", "else")
{
    private const double AddressSimilar = 0.88;
    private const double CitySimilar = 0.92;

    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        var hasAddress = a.AddressLine.Length > 0 && b.AddressLine.Length > 0;
        var hasPostal = a.PostalCode.Length > 0 && b.PostalCode.Length > 0;
        var hasCity = a.City.Length > 0 && b.City.Length > 0;
        if (!hasAddress && !hasPostal && !hasCity) return Missing;

        var samePostal = hasPostal && a.PostalCode == b.PostalCode;
        var sameCity = hasCity && (a.City == b.City || NameSimilarity.Of(a.City, b.City) >= CitySimilar);
        var sameArea = samePostal || sameCity;
        if (hasAddress)
        {
            if (a.AddressLine == b.AddressLine && (sameArea || (!hasPostal && !hasCity))) return 1;
            var similar = NameSimilarity.Of(a.AddressLine, b.AddressLine) >= AddressSimilar;
            if (similar && sameArea) return 2;
        }
        if (samePostal && sameCity) return 3;
        if (sameArea) return 4;
        return 5;
    }
}
