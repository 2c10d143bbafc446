using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class SexCodeNormalizerTests
{
    [Theory]
    [InlineData("M")]
    [InlineData("F")]
    [InlineData("O")]
    [InlineData("U")]
    [InlineData("A")]
    [InlineData("N")]
    public void Normalize_Hl7Code_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), SexCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("m", "M")]
    [InlineData("Male", "M")]
    [InlineData("MALE", "M")]
    [InlineData("1", "M")]
    [InlineData("f", "F")]
    [InlineData("female", "F")]
    [InlineData("2", "F")]
    [InlineData("Other", "O")]
    [InlineData("Unknown", "U")]
    [InlineData("UNK", "U")]
    [InlineData("0", "U")]
    [InlineData("Ambiguous", "A")]
    [InlineData("Not applicable", "N")]
    [InlineData("not-applicable", "N")]
    [InlineData("9", "N")]
    [InlineData(" M ", "M")]
    public void Normalize_Spelling_Code(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), SexCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("Q", "unknown sex code 'Q'")]
    [InlineData("q", "unknown sex code 'q'")]
    [InlineData("3", "unknown sex code '3'")]
    [InlineData("MF", "unknown sex code 'MF'")]
    [InlineData("?", "unknown sex code '?'")]
    public void Normalize_UnknownCode_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), SexCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, SexCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("M", true)]
    [InlineData("F", true)]
    [InlineData("O", false)]
    [InlineData("U", false)]
    [InlineData("A", false)]
    [InlineData("N", false)]
    [InlineData(null, false)]
    public void IsInformative_Code_OnlyMaleAndFemale(string? code, bool expected)
    {
        Assert.Equal(expected, SexCodeNormalizer.IsInformative(code));
    }
}
