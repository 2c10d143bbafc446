using Mpi.Service.Csv;

namespace Mpi.Tests.Service.Csv;

public sealed class ColumnMapTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NothingGiven_ReturnsEmptyMap(string? spec)
    {
        var result = ColumnMap.Parse(spec);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Map);
    }

    [Fact]
    public void Parse_FebrlSpec_MapsSourcesCaseInsensitivelyToCanonicalNames()
    {
        var result = ColumnMap.Parse(" surname = family_name, Suburb=CITY,postcode=postal_code ");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Map.Count);
        Assert.Equal("family_name", result.Map["SURNAME"]);
        Assert.Equal("city", result.Map["suburb"]);
        Assert.Equal("postal_code", result.Map["postcode"]);
    }

    [Theory]
    [InlineData("surname", "--map: 'surname' is not of the form source=destination (expected e.g. surname=family_name,suburb=city)")]
    [InlineData("surname=", "--map: 'surname=' is not of the form source=destination (expected e.g. surname=family_name,suburb=city)")]
    [InlineData("=family_name", "--map: '=family_name' is not of the form source=destination (expected e.g. surname=family_name,suburb=city)")]
    [InlineData("a=b=c", "--map: 'a=b=c' is not of the form source=destination (expected e.g. surname=family_name,suburb=city)")]
    [InlineData("surname=family_name,", "--map: '' is not of the form source=destination (expected e.g. surname=family_name,suburb=city)")]
    [InlineData("surname=last_name", "--map: 'last_name' is not a canonical column; expected one of registry, local_id, given_name, middle_name, family_name, suffix, birth_date, sex, address_line, address_line2, city, state, postal_code, phone, email, national_id, identifiers")]
    [InlineData("surname=family_name,SURNAME=given_name", "--map: 'SURNAME' is mapped more than once")]
    [InlineData("surname=family_name,last=family_name", "--map: both 'surname' and 'last' map to family_name")]
    public void Parse_MalformedSpec_ReturnsClearError(string spec, string expected)
    {
        var result = ColumnMap.Parse(spec);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }
}
