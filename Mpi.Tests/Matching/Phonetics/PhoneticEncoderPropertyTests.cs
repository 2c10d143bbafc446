using System.Text;
using CsCheck;
using Mpi.Matching.Phonetics;

namespace Mpi.Tests.Matching.Phonetics;

/// <summary>Invariants every encoder must keep on any input, checked on generated strings.</summary>
public class PhoneticEncoderPropertyTests
{
    // Arbitrary UTF-16, lone surrogates included.
    private static readonly Gen<string> AnyString = Gen.String;

    // Printable ASCII: letters of both cases mixed with the punctuation real names carry.
    private static readonly Gen<string> AsciiName = Gen.Char[' ', '~'].Array[0, 30].Select(chars => new string(chars));

    private static readonly Gen<int> MaxLength = Gen.Int[-1, 12];

    [Fact]
    public void Encode_AnyString_NeverThrows()
    {
        Gen.Select(AnyString, MaxLength).Sample((name, maxLength) =>
        {
            Soundex.Encode(name);
            Nysiis.Encode(name, maxLength);
            DoubleMetaphone.Encode(name, maxLength);
        });
    }

    [Fact]
    public void Encode_NullDespiteTheContract_ReturnsEmpty()
    {
        Assert.Equal("", Soundex.Encode(null!));
        Assert.Equal("", Nysiis.Encode(null!));
        Assert.Equal(DoubleMetaphoneCode.Empty, DoubleMetaphone.Encode(null!));
    }

    [Fact]
    public void SoundexEncode_AnyString_IsEmptyOrLetterAndThreeDigits()
    {
        AnyString.Sample(name =>
        {
            string code = Soundex.Encode(name);
            return code.Length == 0
                || (code.Length == Soundex.CodeLength && char.IsAsciiLetterUpper(code[0]) && code.Skip(1).All(char.IsAsciiDigit));
        });
    }

    [Fact]
    public void NysiisEncode_AnyString_IsUpperCaseLettersWithinMaxLength()
    {
        Gen.Select(AnyString, MaxLength).Sample((name, maxLength) =>
        {
            string code = Nysiis.Encode(name, maxLength);
            return code.All(char.IsAsciiLetterUpper) && (maxLength <= 0 || code.Length <= maxLength);
        });
    }

    [Fact]
    public void DoubleMetaphoneEncode_AnyString_IsUpperCaseLettersOrZeroWithinMaxLength()
    {
        Gen.Select(AnyString, MaxLength).Sample((name, maxLength) =>
        {
            var code = DoubleMetaphone.Encode(name, maxLength);
            return IsMetaphoneCode(code.Primary, maxLength) && IsMetaphoneCode(code.Alternate, maxLength);
        });
    }

    [Fact]
    public void Encode_SameInputTwice_ReturnsSameCode()
    {
        AnyString.Sample(name =>
            Soundex.Encode(name) == Soundex.Encode(name)
            && Nysiis.Encode(name) == Nysiis.Encode(name)
            && DoubleMetaphone.Encode(name) == DoubleMetaphone.Encode(name));
    }

    [Fact]
    public void Encode_LowerOrUpperCase_ReturnsSameCode()
    {
        AsciiName.Sample(name =>
        {
            string lower = name.ToLowerInvariant();
            string upper = name.ToUpperInvariant();
            return Soundex.Encode(lower) == Soundex.Encode(upper)
                && Nysiis.Encode(lower) == Nysiis.Encode(upper)
                && DoubleMetaphone.Encode(lower) == DoubleMetaphone.Encode(upper);
        });
    }

    [Fact]
    public void Encode_AnyString_EqualsEncodingOfItsAsciiLettersOnly()
    {
        AnyString.Sample(name =>
        {
            string letters = AsciiLettersOf(name);
            return Soundex.Encode(name) == Soundex.Encode(letters)
                && Nysiis.Encode(name, 0) == Nysiis.Encode(letters, 0)
                && DoubleMetaphone.Encode(name, 0) == DoubleMetaphone.Encode(letters, 0);
        });
    }

    [Fact]
    public void Encode_AnyString_IsEmptyExactlyWhenThereIsNoAsciiLetter()
    {
        AnyString.Sample(name =>
        {
            bool hasLetter = name.Any(char.IsAsciiLetter);
            // Double Metaphone may legitimately code only silent letters (HHH) as empty, so only one direction holds there.
            return Soundex.Encode(name).Length > 0 == hasLetter
                && Nysiis.Encode(name).Length > 0 == hasLetter
                && (hasLetter || DoubleMetaphone.Encode(name) == DoubleMetaphoneCode.Empty);
        });
    }

    [Fact]
    public void DoubleMetaphoneEncode_TruncatedCode_IsPrefixOfFullCode()
    {
        Gen.Select(AsciiName, Gen.Int[1, 8]).Sample((name, maxLength) =>
        {
            var full = DoubleMetaphone.Encode(name, 0);
            var truncated = DoubleMetaphone.Encode(name, maxLength);
            return full.Primary.StartsWith(truncated.Primary, StringComparison.Ordinal)
                && full.Alternate.StartsWith(truncated.Alternate, StringComparison.Ordinal);
        });
    }

    private static bool IsMetaphoneCode(string code, int maxLength) =>
        code.All(c => char.IsAsciiLetterUpper(c) || c == '0') && (maxLength <= 0 || code.Length <= maxLength);

    private static string AsciiLettersOf(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsAsciiLetter(c))
            {
                letters.Append(c);
            }
        }

        return letters.ToString();
    }
}
