using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class AddressNormalizerTests
{
    [Fact]
    public void Line_AlreadyNormal_Accepted()
    {
        Assert.Equal(Receipt.Accepted("12 SMITH ST"), AddressNormalizer.Line("12 SMITH ST"));
    }

    [Theory]
    [InlineData("12 Smith Street", "12 SMITH ST")]
    [InlineData("12 Smith St.", "12 SMITH ST")]
    [InlineData("5 Long Road", "5 LONG RD")]
    [InlineData("1 Park Avenue", "1 PARK AVE")]
    [InlineData("1 Park Av", "1 PARK AVE")]
    [InlineData("9 Ocean Drive", "9 OCEAN DR")]
    [InlineData("3 Wattle Place", "3 WATTLE PL")]
    [InlineData("4 Kings Court", "4 KINGS CT")]
    [InlineData("8 Moon Crescent", "8 MOON CRES")]
    [InlineData("100 Sunset Boulevard", "100 SUNSET BLVD")]
    [InlineData("7 Lovers Lane", "7 LOVERS LN")]
    [InlineData("2 High Terrace", "2 HIGH TCE")]
    [InlineData("6 Gum Circuit", "6 GUM CCT")]
    [InlineData("1 Marine Parade", "1 MARINE PDE")]
    [InlineData("1000 Pacific Highway", "1000 PACIFIC HWY")]
    [InlineData("3 Elm Close", "3 ELM CL")]
    [InlineData("1 Market Square", "1 MARKET SQ")]
    [InlineData("20 Garden State Parkway", "20 GARDEN STATE PKWY")]
    [InlineData("15 North Road", "15 N RD")]
    [InlineData("15 Main Street West", "15 MAIN ST W")]
    [InlineData("Apartment 5, 10 King St", "APT 5 10 KING ST")]
    [InlineData("Unit 4/12 Smith St", "UNIT 4 12 SMITH ST")]
    [InlineData("Flat 2B", "FLAT 2B")]
    [InlineData("#5 Main St", "5 MAIN ST")]
    [InlineData("Suite 300", "STE 300")]
    [InlineData("12 Saint Johns Road", "12 ST JOHNS RD")]
    [InlineData("12 St John's Rd", "12 ST JOHNS RD")]
    [InlineData("P.O. Box 123", "PO BOX 123")]
    [InlineData("POBox 123", "PO BOX 123")]
    [InlineData("Post Office Box 123", "PO BOX 123")]
    [InlineData("12 Rue de l'Église", "12 RUE DE LEGLISE")]
    public void Line_Variants_Abbreviated(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), AddressNormalizer.Line(raw));
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("No fixed abode")]
    [InlineData("NFA")]
    [InlineData("N/A")]
    [InlineData("xxx")]
    public void Line_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder address"), AddressNormalizer.Line(raw));
    }

    [Fact]
    public void Line_LongerThan200_SetAside()
    {
        var raw = string.Join(' ', Enumerable.Repeat("12345", 40));

        Assert.Equal(Receipt.SetAside("longer than 200 characters"), AddressNormalizer.Line(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Line_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, AddressNormalizer.Line(raw));
    }

    [Fact]
    public void Abbreviations_EveryAbbreviation_IsNotItselfAKey()
    {
        Assert.All(AddressNormalizer.Abbreviations.Values, value => Assert.False(AddressNormalizer.Abbreviations.ContainsKey(value)));
        Assert.All(AddressNormalizer.CityAbbreviations.Values, value => Assert.False(AddressNormalizer.CityAbbreviations.ContainsKey(value)));
    }

    [Theory]
    [InlineData("SYDNEY", "SYDNEY")]
    [InlineData("Sydney", "SYDNEY")]
    [InlineData("São Paulo", "SAO PAULO")]
    [InlineData("Saint Louis", "ST LOUIS")]
    [InlineData("St. Louis", "ST LOUIS")]
    [InlineData("Mount Druitt", "MT DRUITT")]
    [InlineData("Fort Worth", "FT WORTH")]
    [InlineData("North Sydney", "NORTH SYDNEY")]
    public void City_Variants_Cleaned(string raw, string expected)
    {
        Assert.Equal(Receipt.Value(raw, expected), AddressNormalizer.City(raw));
    }

    [Fact]
    public void City_Placeholder_SetAside()
    {
        Assert.Equal(Receipt.SetAside("placeholder address"), AddressNormalizer.City("unknown"));
    }

    [Theory]
    [InlineData("NSW", "NSW")]
    [InlineData("nsw", "NSW")]
    [InlineData("N.S.W.", "N S W")]
    [InlineData("New South Wales", "NEW SOUTH WALES")]
    public void State_Variants_CleanedUpperCase(string raw, string expected)
    {
        Assert.Equal(Receipt.Value(raw, expected), AddressNormalizer.State(raw));
    }

    [Fact]
    public void State_LongerThan50_SetAside()
    {
        Assert.Equal(Receipt.SetAside("longer than 50 characters"), AddressNormalizer.State(new string('Q', 51)));
    }
}
