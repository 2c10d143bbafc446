using Mpi.Matching.Phonetics;

namespace Mpi.Tests.Matching.Phonetics;

public class SoundexTests
{
    // The US National Archives' own examples (Robert, Rupert, Rubin, Ashcraft, Tymczak, Pfister, Lee,
    // Gutierrez, Jackson) and other commonly cited values.
    [Theory]
    [InlineData("ROBERT", "R163")]
    [InlineData("RUPERT", "R163")]
    [InlineData("RUBIN", "R150")]
    [InlineData("ASHCRAFT", "A261")]
    [InlineData("ASHCROFT", "A261")]
    [InlineData("TYMCZAK", "T522")]
    [InlineData("PFISTER", "P236")]
    [InlineData("HONEYMAN", "H555")]
    [InlineData("LEE", "L000")]
    [InlineData("GUTIERREZ", "G362")]
    [InlineData("JACKSON", "J250")]
    [InlineData("WASHINGTON", "W252")]
    [InlineData("EULER", "E460")]
    [InlineData("TUTTLE", "T340")]
    public void Encode_PublishedExample_ReturnsPublishedCode(string name, string expected)
    {
        Assert.Equal(expected, Soundex.Encode(name));
    }

    [Fact]
    public void Encode_SameCodeAcrossH_CodesItOnce()
    {
        // S and C (both 2) around the H of ASHCRAFT collapse; vowels would not.
        Assert.Equal("A261", Soundex.Encode("ASHCRAFT"));
        Assert.Equal("A226", Soundex.Encode("ASACRAFT"));
    }

    [Fact]
    public void Encode_SameCodeAcrossVowel_CodesItTwice()
    {
        // TYMCZAK: C and Z collapse, but the A separates Z from K.
        Assert.Equal("T522", Soundex.Encode("TYMCZAK"));
    }

    [Fact]
    public void Encode_FirstLetterSharesCodeWithNext_SkipsTheNext()
    {
        Assert.Equal("P236", Soundex.Encode("PFISTER"));
        Assert.Equal("B000", Soundex.Encode("BBB"));
    }

    [Theory]
    [InlineData("o'brien", "O165")]
    [InlineData("O'BRIEN", "O165")]
    [InlineData("Smith-Jones", "S532")]
    [InlineData("  lee  ", "L000")]
    [InlineData("Müller", "M460")]
    public void Encode_LowerCaseOrNonLetters_UsesLettersOnly(string name, string expected)
    {
        Assert.Equal(expected, Soundex.Encode(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123-'")]
    [InlineData("Ωμέγα")]
    public void Encode_NoAsciiLetter_ReturnsEmpty(string name)
    {
        Assert.Equal("", Soundex.Encode(name));
    }

    [Fact]
    public void Encode_TenThousandCharacters_ReturnsFourCharacters()
    {
        Assert.Equal("A000", Soundex.Encode(new string('A', 10_000)));
        Assert.Equal("B231", Soundex.Encode(string.Concat(Enumerable.Repeat("BCDA", 2_500))));
    }
}
