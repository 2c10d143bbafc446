using CsCheck;
using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class TextCleanerTests
{
    [Theory]
    [InlineData("José", "JOSE")]
    [InlineData("Müller", "MULLER")]
    [InlineData("Øre", "ORE")]
    [InlineData("Łukasz", "LUKASZ")]
    [InlineData("Đorđević", "DORDEVIC")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Ærø", "AERO")]
    [InlineData("Œuvre", "OEUVRE")]
    [InlineData("Þór", "THOR")]
    [InlineData("Nguyễn", "NGUYEN")]
    [InlineData("Ștefan Țepeș", "STEFAN TEPES")]
    [InlineData("François", "FRANCOIS")]
    [InlineData("Åsa Ängström", "ASA ANGSTROM")]
    [InlineData("İbrahim", "IBRAHIM")]
    [InlineData("ǅemal", "DZEMAL")]
    [InlineData("Əliyev", "ALIYEV")]
    [InlineData("Ｊｏｓｅ", "JOSE")]
    public void Clean_LatinLetters_FoldedToAsciiUpperCase(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    [Fact]
    public void Clean_EveryLatin1AndLatinExtendedALetter_AsciiLetters()
    {
        for (var codePoint = 0x00C0; codePoint <= 0x017F; codePoint++)
        {
            var letter = char.ConvertFromUtf32(codePoint);
            if (char.IsLetter(letter[0]))
            {
                var cleaned = TextCleaner.Clean(letter);
                Assert.True(cleaned.Length > 0 && cleaned.All(char.IsAsciiLetterUpper), $"U+{codePoint:X4} {letter} → {cleaned}");
            }
        }
    }

    [Fact]
    public void Clean_DecomposedInput_SameAsPrecomposed()
    {
        const string decomposed = "Jose\u0301 Mu\u0308ller";

        Assert.Equal("JOSE MULLER", TextCleaner.Clean(decomposed));
    }

    [Theory]
    [InlineData("Йосиф", "ИОСИФ")]
    [InlineData("Ёлкин", "ЕЛКИН")]
    [InlineData("Άννα", "ΑΝΝΑ")]
    [InlineData("王小明", "王小明")]
    [InlineData("佐々木", "佐々木")]
    public void Clean_OtherScripts_KeptUpperCasedWithoutMarks(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    [Theory]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("O’Brien", "OBRIEN")]
    [InlineData("Hawaiʻi", "HAWAII")]
    [InlineData("Smith-Jones", "SMITH JONES")]
    [InlineData("  a.b,c / d#e  ", "A B C D E")]
    [InlineData("line\tone\r\ntwo", "LINE ONE TWO")]
    [InlineData("J o\u00A0e", "J O E")]
    public void Clean_Punctuation_ApostrophesJoinOthersSeparate(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    [Theory]
    [InlineData("JO\0SE", "JOSE")]
    [InlineData("JO\u200BSE", "JOSE")]
    [InlineData("JO\u00ADSE", "JOSE")]
    [InlineData("\u0007BELL", "BELL")]
    public void Clean_ControlAndFormatCharacters_Removed(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    // Lone surrogates are built in code: attribute arguments are stored as UTF-8, which cannot hold them.
    [Fact]
    public void Clean_LoneSurrogates_Removed()
    {
        Assert.Equal("JOSE", TextCleaner.Clean("JO" + '\uD800' + "SE"));
        Assert.Equal("JOSE", TextCleaner.Clean("JO" + '\uDC00' + "SE"));
        Assert.Equal("JOSE", TextCleaner.Clean("JOSE" + '\uD800'));
    }

    [Fact]
    public void Clean_SurrogatePairLetter_Kept()
    {
        const string cjkExtensionB = "\U00020000";

        Assert.Equal(cjkExtensionB, TextCleaner.Clean(cjkExtensionB));
    }

    [Theory]
    [InlineData("١٩٨٥", "1985")]
    [InlineData("１２３", "123")]
    [InlineData("Flat ²3", "FLAT 3")]
    public void Clean_Digits_AsciiDigitsOtherNumeralsSeparate(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Clean_NullOrEmpty_Empty(string? raw)
    {
        Assert.Equal(string.Empty, TextCleaner.Clean(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, TextCleaner.Normalize(raw, 10));
    }

    [Fact]
    public void Normalize_AlreadyClean_Accepted()
    {
        Assert.Equal(Receipt.Accepted("SYDNEY"), TextCleaner.Normalize("SYDNEY", 10));
    }

    [Fact]
    public void Normalize_Changed_Normalized()
    {
        Assert.Equal(Receipt.Normalized("JOSE"), TextCleaner.Normalize("José", 10));
    }

    [Fact]
    public void Normalize_NothingLeft_SetAside()
    {
        Assert.Equal(Receipt.SetAside("no letters or digits"), TextCleaner.Normalize("?!\0", 10));
    }

    [Fact]
    public void Normalize_OverBound_SetAsideLongerThan()
    {
        Assert.Equal(Receipt.SetAside("longer than 5 characters"), TextCleaner.Normalize("ABCDEF", 5));
    }

    [Fact]
    public void Normalize_SpacesCollapseUnderBound_Normalized()
    {
        Assert.Equal(Receipt.Normalized("A B"), TextCleaner.Normalize("A          B", 5));
    }

    [Fact]
    public void Normalize_ZeroBound_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextCleaner.Normalize("A", 0));
    }

    [Theory]
    [InlineData("q", "'q'")]
    [InlineData("  Q  ", "'Q'")]
    [InlineData("a\0b\u200Bc", "'abc'")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "'ABCDEFGHIJKLMNOPQRST…'")]
    public void Quote_SentValue_TrimmedSanitisedAndCut(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Quote(raw));
    }

    [Fact]
    public void Quote_LoneSurrogate_Removed()
    {
        Assert.Equal("'ab'", TextCleaner.Quote("a" + '\uD800' + "b"));
    }

    [Fact]
    public void CleanAscii_AnyAsciiText_EqualsTheGeneralPath() =>
        Gen.String[Gen.Char[(char)0, (char)127], 0, 40].Sample(raw => TextCleaner.CleanAscii(raw) == TextCleaner.CleanAnyText(raw));

    [Fact]
    public void Clean_AValueCleanAlready_IsReturnedItself()
    {
        const string clean = "12 WALLABY PL";
        Assert.Same(clean, TextCleaner.Clean(clean));
    }
}
