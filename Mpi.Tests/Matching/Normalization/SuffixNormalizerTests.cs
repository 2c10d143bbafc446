using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class SuffixNormalizerTests
{
    [Theory]
    [InlineData("JR")]
    [InlineData("SR")]
    [InlineData("II")]
    [InlineData("III")]
    [InlineData("IV")]
    [InlineData("V")]
    public void Normalize_Code_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), SuffixNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("Jr.", "JR")]
    [InlineData("junior", "JR")]
    [InlineData("JNR", "JR")]
    [InlineData("Sr.", "SR")]
    [InlineData("Senior", "SR")]
    [InlineData("snr", "SR")]
    [InlineData("2nd", "II")]
    [InlineData("ii", "II")]
    [InlineData("3RD", "III")]
    [InlineData("4th", "IV")]
    [InlineData("5th", "V")]
    [InlineData(" J.R. ", "JR")]
    public void Normalize_Spelling_Code(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), SuffixNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("MD", "unknown suffix 'MD'")]
    [InlineData("PhD", "unknown suffix 'PhD'")]
    [InlineData("Esq.", "unknown suffix 'Esq.'")]
    [InlineData("VI", "unknown suffix 'VI'")]
    public void Normalize_Unknown_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), SuffixNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, SuffixNormalizer.Normalize(raw));
    }

    [Fact]
    public void All_EveryCode_NormalizesToItself()
    {
        Assert.All(SuffixNormalizer.All, code => Assert.Equal(Receipt.Accepted(code), SuffixNormalizer.Normalize(code)));
    }
}
