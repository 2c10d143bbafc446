using System.Collections.Frozen;

namespace Mpi.Matching.Normalization;

/// <summary>
/// Normalises administrative sex to an HL7 v2 table 0001 code: <c>M</c> male, <c>F</c> female, <c>O</c> other,
/// <c>U</c> unknown, <c>A</c> ambiguous, <c>N</c> not applicable.
/// </summary>
/// <remarks>
/// Accepted (any case, surrounding punctuation ignored): the six codes; MALE, FEMALE, OTHER, UNKNOWN, UNK, AMBIGUOUS,
/// NOT APPLICABLE; and the ISO/IEC 5218 digits 1 (male), 2 (female), 0 (unknown), 9 (not applicable). U and N are
/// returned as codes, not as missing: the sender said something. Whether a code should count in a comparison is
/// <see cref="IsInformative"/>. Anything else is set aside as <c>unknown sex code 'Q'</c>.
/// </remarks>
public static class SexCodeNormalizer
{
    private static readonly FrozenDictionary<string, string> Codes = new Dictionary<string, string>
    {
        ["M"] = "M", ["MALE"] = "M", ["1"] = "M",
        ["F"] = "F", ["FEMALE"] = "F", ["2"] = "F",
        ["O"] = "O", ["OTHER"] = "O",
        ["U"] = "U", ["UNKNOWN"] = "U", ["UNK"] = "U", ["0"] = "U",
        ["A"] = "A", ["AMBIGUOUS"] = "A",
        ["N"] = "N", ["NOT APPLICABLE"] = "N", ["9"] = "N",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Normalises the sex field.</summary>
    public static FieldResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        return Codes.TryGetValue(TextCleaner.Clean(raw), out var code)
            ? FieldResult.Of(raw, code)
            : FieldResult.SetAside($"unknown sex code {TextCleaner.Quote(raw)}");
    }

    /// <summary>
    /// Whether a normalised code says something two records can agree or disagree on: only <c>M</c> and <c>F</c>.
    /// O, A, U and N are treated like missing in comparisons, because registries record them inconsistently for the
    /// same person and a disagreement on them is no evidence of two people.
    /// </summary>
    public static bool IsInformative(string? code) => code is "M" or "F";
}
