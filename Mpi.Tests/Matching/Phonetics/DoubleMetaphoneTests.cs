using Mpi.Matching.Phonetics;

namespace Mpi.Tests.Matching.Phonetics;

public class DoubleMetaphoneTests
{
    // Examples from Philips' article and the reference implementation's comments, one or more per rule
    // group; each value traced through the reference rules by hand. THOMPSON is TMPS (the P is coded),
    // not the TMSN sometimes quoted.
    [Theory]
    // Initial letters: silent GN-/KN-/WR-, initial X as S, initial vowel as A.
    [InlineData("GNOME", "NM", "NM")]
    [InlineData("KNIGHT", "NT", "NT")]
    [InlineData("WRIGHT", "RT", "RT")]
    [InlineData("XAVIER", "SF", "SFR")]
    [InlineData("ISLAND", "ALNT", "ALNT")]
    // C: Caesar, Chianti, Michael, Greek CH, Germanic CH, MC-, CZ, CIA, CC, -ACH-.
    [InlineData("CAESAR", "SSR", "SSR")]
    [InlineData("CHIANTI", "KNT", "KNT")]
    [InlineData("MICHAEL", "MKL", "MXL")]
    [InlineData("CHEMISTRY", "KMST", "KMST")]
    [InlineData("CHORE", "XR", "XR")]
    [InlineData("ARCHITECT", "ARKT", "ARKT")]
    [InlineData("ORCHESTRA", "ARKS", "ARKS")]
    [InlineData("WACHTLER", "AKTL", "FKTL")]
    [InlineData("TICHNER", "TXNR", "TKNR")]
    [InlineData("MCHUGH", "MK", "MK")]
    [InlineData("BACH", "PK", "PK")]
    [InlineData("MACHER", "MKR", "MKR")]
    [InlineData("CZERNY", "SRN", "XRN")]
    [InlineData("FOCACCIA", "FKX", "FKX")]
    [InlineData("BELLOCCHIO", "PLX", "PLX")]
    [InlineData("BACCHUS", "PKS", "PKS")]
    [InlineData("ACCIDENT", "AKST", "AKST")]
    [InlineData("SUCCEED", "SKST", "SKST")]
    [InlineData("MCCLELLAN", "MKLL", "MKLL")]
    [InlineData("CIAO", "S", "X")]
    // D: DG.
    [InlineData("EDGE", "AJ", "AJ")]
    [InlineData("EDGAR", "ATKR", "ATKR")]
    // G: GH (Parker's rule, -UGH as F), GN, GLI, initial GE-/GI-, -GER-, Italian -GGI-, French -GIER.
    [InlineData("GHISLANE", "JLN", "JLN")]
    [InlineData("HUGH", "H", "H")]
    [InlineData("BROUGHTON", "PRTN", "PRTN")]
    [InlineData("LAUGH", "LF", "LF")]
    [InlineData("AFGHAN", "AFKN", "AFKN")]
    [InlineData("AGNES", "AKNS", "ANS")]
    [InlineData("CAGNEY", "KKN", "KKN")]
    [InlineData("TAGLIARO", "TKLR", "TLR")]
    [InlineData("GERALD", "KRLT", "JRLT")]
    [InlineData("GEORGE", "JRJ", "KRK")]
    [InlineData("DANGER", "TNJR", "TNKR")]
    [InlineData("BIAGGI", "PJ", "PK")]
    [InlineData("ROGIER", "RJ", "RJR")]
    // J: Spanish JOSE, initial J as Y, Spanish -JA-/-JO-.
    [InlineData("JOSE", "HS", "HS")]
    [InlineData("JOSEPH", "JSF", "HSF")]
    [InlineData("JUAN", "JN", "AN")]
    [InlineData("BAJADOR", "PJTR", "PHTR")]
    // L and M: Spanish LL, silent B after M.
    [InlineData("CABRILLO", "KPRL", "KPR")]
    [InlineData("GALLEGOS", "KLKS", "KKS")]
    [InlineData("DUMB", "TM", "TM")]
    [InlineData("CAMPBELL", "KMPL", "KMPL")]
    [InlineData("THOMPSON", "TMPS", "TMPS")]
    // R: French -IER, but not -MEIER.
    [InlineData("HOCHMEIER", "HKMR", "HKMR")]
    // S: SMITH/SCHMIDT, SUGAR, SH, SIO/SIA, Dutch SCH, Schlesinger's rule, French final -AIS.
    [InlineData("SMITH", "SM0", "XMT")]
    [InlineData("SCHMIDT", "XMT", "SMT")]
    [InlineData("SNIDER", "SNTR", "XNTR")]
    [InlineData("SCHNEIDER", "XNTR", "SNTR")]
    [InlineData("SUGAR", "XKR", "SKR")]
    [InlineData("SHOLZ", "SLS", "SLS")]
    [InlineData("SCHOOL", "SKL", "SKL")]
    [InlineData("SCHENKER", "XNKR", "SKNK")]
    [InlineData("SCHLESINGER", "XLSN", "SLSN")]
    [InlineData("RESNAIS", "RSN", "RSNS")]
    // T: TH, THOMAS, -TION.
    [InlineData("THOMAS", "TMS", "TMS")]
    [InlineData("KNUTH", "N0", "NT")]
    [InlineData("NATION", "NXN", "NXN")]
    // W: initial W as V, WH-, final -OW as F, Polish -WICZ.
    [InlineData("WASSERMAN", "ASRM", "FSRM")]
    [InlineData("WHITE", "AT", "AT")]
    [InlineData("ARNOW", "ARN", "ARNF")]
    [InlineData("FILIPOWICZ", "FLPT", "FLPF")]
    [InlineData("JANKELOWICZ", "JNKL", "ANKL")]
    // X and Z: French final -AUX, Chinese ZH, Italian -ZZ-.
    [InlineData("BREAUX", "PR", "PR")]
    [InlineData("ZHAO", "J", "J")]
    [InlineData("PIZZA", "PS", "PTS")]
    public void Encode_ReferenceExample_ReturnsReferenceCodes(string name, string primary, string alternate)
    {
        Assert.Equal(new DoubleMetaphoneCode(primary, alternate), DoubleMetaphone.Encode(name));
    }

    [Theory]
    [InlineData("ACCIDENT", "AKSTNT", "AKSTNT")]
    [InlineData("JANKELOWICZ", "JNKLTS", "ANKLFX")]
    [InlineData("SCHLESINGER", "XLSNKR", "SLSNJR")]
    public void Encode_NoTruncation_ReturnsFullCodes(string name, string primary, string alternate)
    {
        Assert.Equal(new DoubleMetaphoneCode(primary, alternate), DoubleMetaphone.Encode(name, maxLength: 0));
    }

    [Fact]
    public void Encode_SmithAndSchmidt_ShareACode()
    {
        var smith = DoubleMetaphone.Encode("SMITH");
        var schmidt = DoubleMetaphone.Encode("SCHMIDT");
        Assert.Equal(smith.Alternate, schmidt.Primary);
    }

    [Fact]
    public void Encode_NoAlternateReading_AlternateEqualsPrimary()
    {
        var code = DoubleMetaphone.Encode("THOMAS");
        Assert.Equal(code.Primary, code.Alternate);
        Assert.False(code.HasAlternate);
        Assert.True(DoubleMetaphone.Encode("SMITH").HasAlternate);
    }

    [Theory]
    [InlineData("smith", "SM0", "XMT")]
    [InlineData("Mc-Hugh", "MK", "MK")]
    [InlineData("O'Brien", "APRN", "APRN")]
    [InlineData("Çelik", "ALK", "ALK")] // Ç is not A–Z, so the name reads as ELIK
    public void Encode_LowerCaseOrNonLetters_UsesLettersOnly(string name, string primary, string alternate)
    {
        Assert.Equal(new DoubleMetaphoneCode(primary, alternate), DoubleMetaphone.Encode(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" -' ")]
    [InlineData("日本")]
    public void Encode_NoAsciiLetter_ReturnsEmptyCodes(string name)
    {
        Assert.Equal(new DoubleMetaphoneCode("", ""), DoubleMetaphone.Encode(name));
    }

    [Fact]
    public void Encode_OnlySilentLetters_ReturnsEmptyCodes()
    {
        Assert.Equal(new DoubleMetaphoneCode("", ""), DoubleMetaphone.Encode("HHH"));
    }

    [Fact]
    public void Encode_TenThousandCharacters_ReturnsTruncatedOrFullCodes()
    {
        string name = string.Concat(Enumerable.Repeat("SMITH", 2_000));
        Assert.Equal(new DoubleMetaphoneCode("SM0S", "XMTS"), DoubleMetaphone.Encode(name));
        Assert.Equal(6_000, DoubleMetaphone.Encode(name, 0).Primary.Length);
    }
}
