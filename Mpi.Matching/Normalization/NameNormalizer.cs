using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Mpi.Matching.Normalization;

/// <summary>Normalises given, middle and family names to matching keys.</summary>
/// <remarks>
/// <para>Every name is cleaned by <see cref="TextCleaner"/> (José → JOSE, Müller → MULLER, apostrophes dropped so
/// O'Brien → OBRIEN, hyphens and other punctuation become word breaks) and then, word by word:</para>
/// <list type="number">
/// <item>digits are removed (TEST1 → TEST), except in a trailing 2ND, 3RD or 4TH;</item>
/// <item>a generational suffix ending the name (JR, JNR, SR, SNR, II, III, IV, 2ND, 3RD, 4TH, after at least one
/// other word) is removed and reported through the <c>suffix</c> out parameter as a <see cref="SuffixNormalizer"/>
/// code, for the caller to use when the suffix field is empty: "John Jr." → JOHN with suffix JR;</item>
/// <item>given names only: leading titles (MR, MRS, MS, MISS, MX, DR, PROF, REV, MSTR) are removed; a name that is
/// only a title is set aside as <c>title without a name</c>;</item>
/// <item>placeholders are set aside as <c>placeholder name</c> (<see cref="Placeholders.IsPlaceholderGivenName"/>,
/// <see cref="Placeholders.IsPlaceholderFamilyName"/>: UNKNOWN, BABY BOY, JOHN DOE, FNU, family DOE …).</item>
/// </list>
/// <para>Given and middle names keep their words separated by single spaces (Mary-Jane → MARY JANE). Family names
/// are returned as one word with the spaces removed, so the ways registries write particles and double-barrelled
/// names agree: van der Berg, VAN DER BERG and Vanderberg → VANDERBERG; Smith-Jones and SMITH JONES → SMITHJONES.
/// <see cref="FamilyNameParts"/> gives the parts for comparing one barrel against a single name.</para>
/// <para>Names longer than <see cref="MaxLength"/> characters after normalisation are set aside.</para>
/// </remarks>
public static class NameNormalizer
{
    /// <summary>Longer names are set aside.</summary>
    public const int MaxLength = 100;

    private static readonly FrozenSet<string> Titles =
        new[] { "MR", "MRS", "MS", "MISS", "MX", "DR", "PROF", "REV", "MSTR" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that join the word after them into one family-name part (VAN DER BERG → VANDERBERG).</summary>
    private static readonly FrozenSet<string> Particles = new[]
    {
        "VAN", "VON", "DE", "DEL", "DELLA", "DELLE", "DEI", "DI", "DA", "DOS", "DAS", "DO", "DU", "TEN", "TER",
        "ST", "STE", "SAINT", "MC", "MAC", "O", "AL", "EL",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that are particles only after another particle (VAN DER, DE LA, DE LOS).</summary>
    private static readonly FrozenSet<string> FollowingParticles =
        new[] { "DER", "DEN", "LA", "LE", "LAS", "LOS" }.ToFrozenSet(StringComparer.Ordinal);

    private enum NamePart
    {
        Given,
        Middle,
        Family,
    }

    /// <summary>Normalises a given (first) name.</summary>
    public static FieldResult Given(string? raw) => Given(raw, out _);

    /// <summary>Normalises a given name; <paramref name="suffix"/> receives a suffix found at its end, else null.</summary>
    public static FieldResult Given(string? raw, out string? suffix) => Normalize(raw, NamePart.Given, out suffix, out _);

    /// <summary>Normalises a middle name or names.</summary>
    public static FieldResult Middle(string? raw) => Middle(raw, out _);

    /// <summary>Normalises a middle name; <paramref name="suffix"/> receives a suffix found at its end, else null.</summary>
    public static FieldResult Middle(string? raw, out string? suffix) => Normalize(raw, NamePart.Middle, out suffix, out _);

    /// <summary>Normalises a family name (surname) to one word.</summary>
    public static FieldResult Family(string? raw) => Family(raw, out _);

    /// <summary>Normalises a family name; <paramref name="suffix"/> receives a suffix found at its end, else null.</summary>
    public static FieldResult Family(string? raw, out string? suffix) => Normalize(raw, NamePart.Family, out suffix, out _);

    /// <summary>
    /// The parts of a family name as sent: one per barrel, with particles joined to the word they introduce.
    /// SMITH-JONES → [SMITH, JONES]; DE LA CRUZ LOPEZ → [DELACRUZ, LOPEZ]; VAN DER BERG → [VANDERBERG].
    /// The parts concatenated equal the value <see cref="Family(string?)"/> returns; empty when that has no value.
    /// </summary>
    public static ImmutableArray<string> FamilyNameParts(string? raw)
    {
        if (!Normalize(raw, NamePart.Family, out _, out var words).HasValue)
        {
            return [];
        }

        var parts = ImmutableArray.CreateBuilder<string>();
        var pending = string.Empty;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var isParticle = Particles.Contains(word) || (pending.Length > 0 && FollowingParticles.Contains(word));
            if (isParticle && i < words.Count - 1)
            {
                pending += word;
            }
            else
            {
                parts.Add(pending + word);
                pending = string.Empty;
            }
        }

        return parts.ToImmutable();
    }

    private static FieldResult Normalize(string? raw, NamePart part, out string? suffix, out List<string> words)
    {
        suffix = null;
        words = [];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        foreach (var word in TextCleaner.Clean(raw).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var kept = SuffixNormalizer.TryReadNameSuffix(word, out _) ? word : WithoutDigits(word);
            if (kept.Length > 0)
            {
                words.Add(kept);
            }
        }

        string? foundSuffix = null;
        while (words.Count > 1 && SuffixNormalizer.TryReadNameSuffix(words[^1], out var code))
        {
            foundSuffix ??= code;
            words.RemoveAt(words.Count - 1);
        }

        var hadWords = words.Count > 0;
        if (part == NamePart.Given)
        {
            while (words.Count > 0 && Titles.Contains(words[0]))
            {
                words.RemoveAt(0);
            }
        }

        if (words.Count == 0)
        {
            return FieldResult.SetAside(hadWords ? "title without a name" : "no letters");
        }

        // A 2ND, 3RD or 4TH that did not end the name is no suffix: its digits go like any other word's.
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = WithoutDigits(words[i]);
        }

        var spaced = string.Join(' ', words);
        var isPlaceholder = part == NamePart.Family
            ? Placeholders.IsPlaceholderFamilyName(spaced)
            : Placeholders.IsPlaceholderGivenName(spaced);
        if (isPlaceholder)
        {
            return FieldResult.SetAside("placeholder name");
        }

        var value = part == NamePart.Family ? string.Concat(words) : spaced;
        var result = TextCleaner.Bounded(raw, value, MaxLength);
        suffix = result.HasValue ? foundSuffix : null;
        return result;
    }

    private static string WithoutDigits(string word) =>
        word.AsSpan().ContainsAnyInRange('0', '9') ? string.Concat(word.Where(c => !char.IsAsciiDigit(c))) : word;
}
