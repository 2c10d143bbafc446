using System.Collections.Frozen;

namespace Mpi.Matching.Normalization;

/// <summary>
/// Normalises a generational name suffix to one of <c>JR</c>, <c>SR</c>, <c>II</c>, <c>III</c>, <c>IV</c>, <c>V</c>.
/// Fathers and sons share given name, family name and address, so the suffix is what tells them apart.
/// </summary>
/// <remarks>
/// Accepted spellings (any case, punctuation ignored): JR, JUNIOR, JNR → JR; SR, SENIOR, SNR → SR; II, 2ND → II;
/// III, 3RD → III; IV, 4TH → IV; V, 5TH → V. Anything else, professional suffixes such as MD or PHD included,
/// is set aside as <c>unknown suffix 'MD'</c>.
/// </remarks>
public static class SuffixNormalizer
{
    private static readonly FrozenDictionary<string, string> Codes = new Dictionary<string, string>
    {
        ["JR"] = "JR", ["JUNIOR"] = "JR", ["JNR"] = "JR",
        ["SR"] = "SR", ["SENIOR"] = "SR", ["SNR"] = "SR",
        ["II"] = "II", ["2ND"] = "II",
        ["III"] = "III", ["3RD"] = "III",
        ["IV"] = "IV", ["4TH"] = "IV",
        ["V"] = "V", ["5TH"] = "V",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The words that, as the last word of a name, are taken for a suffix (see <see cref="NameNormalizer"/>).
    /// JUNIOR, SENIOR and V are left out: Junior and Senior are also names, and V is usually an initial.
    /// </summary>
    private static readonly FrozenSet<string> TrailingNameWords =
        new[] { "JR", "JNR", "SR", "SNR", "II", "III", "IV", "2ND", "3RD", "4TH" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The normalised suffixes, in generation order.</summary>
    public static IReadOnlyList<string> All { get; } = ["JR", "SR", "II", "III", "IV", "V"];

    /// <summary>Normalises the suffix field.</summary>
    public static FieldResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var key = TextCleaner.Clean(raw).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Codes.TryGetValue(key, out var code)
            ? FieldResult.Of(raw, code)
            : FieldResult.SetAside($"unknown suffix {TextCleaner.Quote(raw)}");
    }

    /// <summary>Whether a cleaned word ending a name is a suffix, and which.</summary>
    internal static bool TryReadNameSuffix(string word, out string suffix)
    {
        suffix = string.Empty;
        return TrailingNameWords.Contains(word) && Codes.TryGetValue(word, out suffix!);
    }
}
