using CsCheck;

namespace Mpi.Tests.Matching.Normalization;

/// <summary>Generators of raw field text for the normaliser property tests.</summary>
internal static class NormalizationGen
{
    /// <summary>Characters the normalisers treat specially, so generated text meets the rules often.</summary>
    private const string Special =
        "aAbBjJoOsSzZxX éÉüÜøØßæÆłŁđĐþÞıİǅﬁＡЙй'’`´^-./,#@+()_ 0123456789١２\t\n\r\0\u200B\u00AD\u0301\uD800\uDC00\u00A0";

    /// <summary>Values from the rules: samples that are placeholders, suffixes, titles, dates, codes.</summary>
    private static readonly string[] Samples =
    [
        "José", "Müller", "Øre", "O'Brien", "Smith-Jones", "van der Berg", "de la Cruz", "Jr.", "III", "2nd", "Mr",
        "Dr.", "BABY", "BOY", "UNKNOWN", "JOHN", "DOE", "N/A", "NA", "FNU", "XXX", "03/04/1985", "1985-03-04",
        "19850304", "1985-02-30", "1900-01-01", "31.12.1999", "T00:00:00", "M", "f", "Male", "9", "0000000000",
        "123456789", "999999999", "+61", "ext", "12345-6789", "sw1a 1aa", "ZZ99", "Street", "Saint", "P O Box",
        "#12", "Unit", "noemail@", "test@test.com", "jane@gmail.com", "@", "..", "\uD800", "\0",
    ];

    /// <summary>Any UTF-16 code units: lone surrogates, NUL, unassigned code points and all.</summary>
    public static readonly Gen<string> AnyText = Gen.String[Gen.Char['\0', '\uFFFF'], 0, 40];

    /// <summary>Text made mostly of <see cref="Special"/> characters.</summary>
    public static readonly Gen<string> SpecialText = Gen.String[Gen.Char[Special], 0, 30];

    /// <summary>A few samples joined by spaces or punctuation.</summary>
    public static readonly Gen<string> SampleText =
        Gen.Select(Gen.OneOf(Samples).Array[1, 4], Gen.OneOf(" ", "", "-", ", "),
            (words, separator) => string.Join(separator, words));

    /// <summary>Strings of ten thousand characters, of any code units.</summary>
    public static readonly Gen<string> LongText = Gen.String[Gen.Char['\0', '\uFFFF'], 10_000, 10_000];

    /// <summary>The mix the properties run on; null is included.</summary>
    public static readonly Gen<string?> Text = Gen.Frequency<string?>(
        (4, AnyText!), (4, SpecialText!), (4, SampleText!), (1, Gen.Const((string?)null)));
}
