using Mpi.Matching.Phonetics;

namespace Mpi.Tests.Matching.Phonetics;

public class NysiisTests
{
    // Truncated to six, the original algorithm's length. WILLIAMS is WALAN, not the sometimes quoted
    // WILAN: every vowel after the first letter becomes A.
    [Theory]
    [InlineData("MACINTOSH", "MCANT")]
    [InlineData("KNIGHT", "NAGT")]
    [InlineData("BROWN", "BRAN")]
    [InlineData("WILLIAMS", "WALAN")]
    [InlineData("JOHNSON", "JANSAN")]
    [InlineData("SMITH", "SNAT")]
    [InlineData("SCHMIDT", "SNAD")]
    [InlineData("TRUEMAN", "TRANAN")]
    [InlineData("PHILLIPSON", "FALAPS")]
    [InlineData("WESTERLUND", "WASTAR")]
    [InlineData("CASSTEVENS", "CASTAF")]
    public void Encode_DefaultLength_ReturnsSixCharacterKey(string name, string expected)
    {
        Assert.Equal(expected, Nysiis.Encode(name));
    }

    // Full keys from the table at dropby.com ("NYSIIS Text Strings"), one example per rule, as also
    // used by Apache Commons Codec's tests.
    [Theory]
    [InlineData("MACINTOSH", "MCANT")] // MAC → MCC
    [InlineData("KNUTH", "NAT")] // KN → NN
    [InlineData("KOEHN", "CAN")] // K → C
    [InlineData("PHILLIPSON", "FALAPSAN")] // PH → FF
    [InlineData("PFEISTER", "FASTAR")] // PF → FF
    [InlineData("SCHOENHOEFT", "SANAFT")] // SCH → SSS
    [InlineData("MCKEE", "MCY")] // final EE → Y
    [InlineData("MACKIE", "MCY")] // final IE → Y
    [InlineData("HEITSCHMIDT", "HATSNAD")] // final DT → D
    [InlineData("BART", "BAD")] // final RT → D
    [InlineData("HURD", "HAD")] // final RD → D
    [InlineData("HUNT", "HAD")] // final NT → D
    [InlineData("WESTERLUND", "WASTARLAD")] // final ND → D
    [InlineData("CASSTEVENS", "CASTAFAN")] // EV → AF
    [InlineData("VASQUEZ", "VASG")] // Q → G, Z → S
    [InlineData("FRAZIER", "FRASAR")] // Z → S
    [InlineData("BOWMAN", "BANAN")] // W after a vowel, M → N
    [InlineData("MCKNIGHT", "MCNAGT")] // KN → N
    [InlineData("RICKERT", "RACAD")] // K → C
    [InlineData("DEUTSCH", "DAT")] // SCH → SSS
    [InlineData("WESTPHAL", "WASTFAL")] // PH → FF
    [InlineData("SHRIVER", "SRAVAR")] // H after a consonant
    [InlineData("KUHL", "CAL")] // H before a consonant
    [InlineData("RAWSON", "RASAN")] // W after a vowel
    [InlineData("JILES", "JAL")] // final S dropped
    [InlineData("CARRAWAY", "CARY")] // final AY → Y
    [InlineData("YAMADA", "YANAD")] // final A dropped
    public void Encode_NoTruncation_ReturnsPublishedFullKey(string name, string expected)
    {
        Assert.Equal(expected, Nysiis.Encode(name, maxLength: 0));
    }

    [Fact]
    public void Encode_KeyLongerThanMaximum_TruncatesAfterTheEndingRules()
    {
        // The full key MCDANALD is cut to MCDANA; truncating first and then dropping the A would give MCDAN.
        Assert.Equal("MCDANALD", Nysiis.Encode("MCDONALD", 0));
        Assert.Equal("MCDANA", Nysiis.Encode("MCDONALD"));
        Assert.Equal("MCDA", Nysiis.Encode("MCDONALD", 4));
    }

    [Theory]
    [InlineData("AS", "A")]
    [InlineData("A", "A")]
    [InlineData("AY", "AY")]
    public void Encode_EndingRulesReachFirstLetter_KeepsFirstLetter(string name, string expected)
    {
        Assert.Equal(expected, Nysiis.Encode(name));
    }

    [Theory]
    [InlineData("o'daniel", "ODANAL")]
    [InlineData("O'Donnel", "ODANAL")]
    [InlineData("Mac Intosh", "MCANT")]
    public void Encode_LowerCaseOrNonLetters_UsesLettersOnly(string name, string expected)
    {
        Assert.Equal(expected, Nysiis.Encode(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-' ")]
    [InlineData("42")]
    public void Encode_NoAsciiLetter_ReturnsEmpty(string name)
    {
        Assert.Equal("", Nysiis.Encode(name));
    }

    [Fact]
    public void Encode_TenThousandCharacters_ReturnsTruncatedOrFullKey()
    {
        string name = string.Concat(Enumerable.Repeat("BROWN", 2_000));
        Assert.Equal("BRANBR", Nysiis.Encode(name));
        Assert.Equal(8_000, Nysiis.Encode(name, 0).Length);
    }
}
