using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class EmailNormalizerTests
{
    [Fact]
    public void Normalize_LowerCase_Accepted()
    {
        Assert.Equal(Receipt.Accepted("jane.smith@gmail.com"), EmailNormalizer.Normalize("jane.smith@gmail.com"));
    }

    [Theory]
    [InlineData("Jane.Smith@Gmail.COM", "jane.smith@gmail.com")]
    [InlineData("  jane@clinic.org.au ", "jane@clinic.org.au")]
    [InlineData("JANE+TAG@CLINIC.ORG", "jane+tag@clinic.org")]
    [InlineData("José@Correo.es", "josé@correo.es")]
    public void Normalize_Variants_TrimmedLowerCase(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), EmailNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@gmail.com")]
    [InlineData("jane@@gmail.com")]
    [InlineData("jane@smith@gmail.com")]
    [InlineData("jane@localhost")]
    [InlineData("jane@.com")]
    [InlineData("jane@gmail.")]
    [InlineData("jane@gmail..com")]
    [InlineData("jane smith@gmail.com")]
    [InlineData("jane@gm\tail.com")]
    [InlineData("jane@gm\u200Bail.com")]
    public void Normalize_Malformed_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("not an email address"), EmailNormalizer.Normalize(raw));
    }

    [Fact]
    public void Normalize_LoneSurrogate_SetAside()
    {
        Assert.Equal(Receipt.SetAside("not an email address"), EmailNormalizer.Normalize("ja" + '\uD800' + "ne@gmail.com"));
    }

    [Theory]
    [InlineData("noemail@gmail.com")]
    [InlineData("NoEmail@hospital.org")]
    [InlineData("none@none.com")]
    [InlineData("test@test.com")]
    [InlineData("na@na.com")]
    [InlineData("n/a@clinic.org")]
    [InlineData("declined@clinic.org")]
    [InlineData("jane@example.com")]
    [InlineData("jane@mail.test")]
    public void Normalize_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder email"), EmailNormalizer.Normalize(raw));
    }

    [Fact]
    public void Normalize_LongerThan254_SetAside()
    {
        var raw = new string('a', 250) + "@x.com";

        Assert.Equal(Receipt.SetAside("longer than 254 characters"), EmailNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, EmailNormalizer.Normalize(raw));
    }
}
