using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class NameNormalizerTests
{
    [Theory]
    [InlineData("JOHN")]
    [InlineData("MARY JANE")]
    public void Given_AlreadyNormal_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), NameNormalizer.Given(raw));
    }

    [Theory]
    [InlineData("José", "JOSE")]
    [InlineData("john", "JOHN")]
    [InlineData("  John  ", "JOHN")]
    [InlineData("Zoë", "ZOE")]
    [InlineData("Mary-Jane", "MARY JANE")]
    [InlineData("Mary  Jane", "MARY JANE")]
    [InlineData("D'Andre", "DANDRE")]
    [InlineData("J.", "J")]
    [InlineData("John2", "JOHN")]
    public void Given_Variants_Normalized(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), NameNormalizer.Given(raw));
    }

    [Theory]
    [InlineData("Mr John", "JOHN")]
    [InlineData("MRS. Mary", "MARY")]
    [InlineData("Ms Anne", "ANNE")]
    [InlineData("Dr. Who", "WHO")]
    [InlineData("Prof Dr Hans", "HANS")]
    public void Given_LeadingTitle_Stripped(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), NameNormalizer.Given(raw));
    }

    [Theory]
    [InlineData("Mr")]
    [InlineData("DR.")]
    [InlineData("Mr Jr")]
    public void Given_OnlyTitle_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("title without a name"), NameNormalizer.Given(raw));
    }

    [Fact]
    public void Family_TitleWord_Kept()
    {
        Assert.Equal(Receipt.Normalized("DRSMITH"), NameNormalizer.Family("Dr Smith"));
    }

    [Theory]
    [InlineData("John Jr.", "JOHN", "JR")]
    [InlineData("JOHN SR", "JOHN", "SR")]
    [InlineData("John III", "JOHN", "III")]
    [InlineData("John 2nd", "JOHN", "II")]
    [InlineData("John Jnr", "JOHN", "JR")]
    [InlineData("John IV", "JOHN", "IV")]
    [InlineData("John Jr Jr", "JOHN", "JR")]
    public void Given_TrailingSuffix_StrippedAndReported(string raw, string expected, string suffix)
    {
        var result = NameNormalizer.Given(raw, out var found);

        Assert.Equal(Receipt.Normalized(expected), result);
        Assert.Equal(suffix, found);
    }

    [Theory]
    [InlineData("Smith, Jr.", "SMITH", "JR")]
    [InlineData("SMITH III", "SMITH", "III")]
    [InlineData("Smith-Jones Sr", "SMITHJONES", "SR")]
    public void Family_TrailingSuffix_StrippedAndReported(string raw, string expected, string suffix)
    {
        var result = NameNormalizer.Family(raw, out var found);

        Assert.Equal(Receipt.Normalized(expected), result);
        Assert.Equal(suffix, found);
    }

    [Theory]
    [InlineData("Junior")]
    [InlineData("Senior")]
    [InlineData("JR")]
    public void Family_SuffixWordAlone_KeptAsName(string raw)
    {
        var result = NameNormalizer.Family(raw, out var suffix);

        Assert.Equal(raw.ToUpperInvariant(), result.Value);
        Assert.Null(suffix);
    }

    [Theory]
    [InlineData("Smith Junior", "SMITHJUNIOR")]
    [InlineData("John V", "JOHNV")]
    public void Family_UnabbreviatedOrSingleLetterLastWord_NotASuffix(string raw, string expected)
    {
        var result = NameNormalizer.Family(raw, out var suffix);

        Assert.Equal(expected, result.Value);
        Assert.Null(suffix);
    }

    [Fact]
    public void Family_SuffixInMiddle_NotStripped()
    {
        var result = NameNormalizer.Family("Smith 2nd Jones", out var suffix);

        Assert.Equal("SMITHNDJONES", result.Value);
        Assert.Null(suffix);
    }

    [Fact]
    public void Given_NoSuffix_SuffixNull()
    {
        NameNormalizer.Given("John", out var suffix);

        Assert.Null(suffix);
    }

    [Theory]
    [InlineData("Smith", "SMITH")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("Müller", "MULLER")]
    [InlineData("van der Berg", "VANDERBERG")]
    [InlineData("VAN DER BERG", "VANDERBERG")]
    [InlineData("Vanderberg", "VANDERBERG")]
    [InlineData("Smith-Jones", "SMITHJONES")]
    [InlineData("SMITH JONES", "SMITHJONES")]
    [InlineData("de la Cruz", "DELACRUZ")]
    [InlineData("McDonald", "MCDONALD")]
    [InlineData("Mc Donald", "MCDONALD")]
    [InlineData("García Márquez", "GARCIAMARQUEZ")]
    [InlineData("Ødegård", "ODEGARD")]
    public void Family_Variants_OneWord(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), NameNormalizer.Family(raw));
    }

    [Fact]
    public void Family_AlreadyNormal_Accepted()
    {
        Assert.Equal(Receipt.Accepted("VANDERBERG"), NameNormalizer.Family("VANDERBERG"));
    }

    [Theory]
    [InlineData("Anne-Marie", "ANNE MARIE")]
    [InlineData("Anne Marie", "ANNE MARIE")]
    [InlineData("Jr", "JR")]
    public void Middle_Variants_SpacedWords(string raw, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Middle(raw).Value);
    }

    [Theory]
    [InlineData("NMN")]
    [InlineData("NMI")]
    [InlineData("N/A")]
    public void Middle_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder name"), NameNormalizer.Middle(raw));
    }

    [Theory]
    [InlineData("BABY BOY")]
    [InlineData("Baby Girl")]
    [InlineData("Baby")]
    [InlineData("BABY BOY 2")]
    [InlineData("Baby of Smith")]
    [InlineData("Infant")]
    [InlineData("Newborn")]
    [InlineData("UNKNOWN")]
    [InlineData("unk")]
    [InlineData("None")]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("JOHN DOE")]
    [InlineData("Jane Doe")]
    [InlineData("FNU")]
    [InlineData("Test")]
    [InlineData("TEST1")]
    [InlineData("Patient")]
    [InlineData("XXX")]
    [InlineData("Mr Unknown")]
    [InlineData("John Doe Jr")]
    public void Given_Placeholder_SetAside(string raw)
    {
        var result = NameNormalizer.Given(raw, out var suffix);

        Assert.Equal(Receipt.SetAside("placeholder name"), result);
        Assert.Null(suffix);
    }

    [Theory]
    [InlineData("DOE")]
    [InlineData("Doe")]
    [InlineData("UNKNOWN")]
    [InlineData("LNU")]
    [InlineData("N/A")]
    [InlineData("Baby Boy")]
    [InlineData("John Doe")]
    [InlineData("JOHNDOE")]
    [InlineData("xxxx")]
    public void Family_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder name"), NameNormalizer.Family(raw));
    }

    [Theory]
    [InlineData("Na")]
    [InlineData("Doerr")]
    [InlineData("Babyak")]
    public void Family_RealNameLikePlaceholder_Kept(string raw)
    {
        Assert.True(NameNormalizer.Family(raw).HasValue);
    }

    [Fact]
    public void Given_JohnAlone_Kept()
    {
        Assert.Equal(Receipt.Accepted("JOHN"), NameNormalizer.Given("JOHN"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Family_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, NameNormalizer.Family(raw));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("-")]
    [InlineData("?")]
    public void Given_NoLetters_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("no letters"), NameNormalizer.Given(raw));
    }

    [Fact]
    public void Given_LongerThan100_SetAside()
    {
        var raw = new string('A', 60) + " " + new string('B', 60);

        Assert.Equal(Receipt.SetAside("longer than 100 characters"), NameNormalizer.Given(raw));
    }

    [Fact]
    public void Family_LongRawShortValue_Kept()
    {
        var raw = "Smith" + new string(' ', 500);

        Assert.Equal(Receipt.Normalized("SMITH"), NameNormalizer.Family(raw));
    }

    [Theory]
    [InlineData("Smith-Jones", new[] { "SMITH", "JONES" })]
    [InlineData("SMITH JONES", new[] { "SMITH", "JONES" })]
    [InlineData("van der Berg", new[] { "VANDERBERG" })]
    [InlineData("De La Cruz Lopez", new[] { "DELACRUZ", "LOPEZ" })]
    [InlineData("Garcia y Lopez", new[] { "GARCIA", "Y", "LOPEZ" })]
    [InlineData("O Brien", new[] { "OBRIEN" })]
    [InlineData("Le Nguyen", new[] { "LE", "NGUYEN" })]
    [InlineData("Berg van", new[] { "BERG", "VAN" })]
    [InlineData("Van", new[] { "VAN" })]
    [InlineData("Smith Jr", new[] { "SMITH" })]
    public void FamilyNameParts_Name_Parts(string raw, string[] expected)
    {
        Assert.Equal(expected, NameNormalizer.FamilyNameParts(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("DOE")]
    [InlineData("123")]
    public void FamilyNameParts_NoValue_Empty(string? raw)
    {
        Assert.Empty(NameNormalizer.FamilyNameParts(raw));
    }

    [Theory]
    [InlineData("Smith-Jones")]
    [InlineData("de la Cruz López")]
    [InlineData("van der Berg")]
    public void FamilyNameParts_Concatenated_EqualsFamilyValue(string raw)
    {
        Assert.Equal(NameNormalizer.Family(raw).Value, string.Concat(NameNormalizer.FamilyNameParts(raw)));
    }
}
