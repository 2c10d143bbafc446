using System.Buffers;
using System.Globalization;
using System.Text;

namespace Mpi.Matching.Normalization;

/// <summary>
/// The shared core of the text normalisers: turns free text into upper-case letters, ASCII digits and single spaces.
/// </summary>
/// <remarks>
/// <para>Rules, applied code point by code point:</para>
/// <list type="bullet">
/// <item>Letters are folded to their base letter (José → JOSE, Müller → MULLER, Nguyễn → NGUYEN, decomposed input
/// included) and upper-cased with invariant rules. Letters that do not decompose are spelled out:
/// Ø → O, Ł → L, Đ/Ð → D, ß → SS, Æ → AE, Œ → OE, Þ → TH, Ħ → H, Ĳ → IJ, Ŋ → NG, Ə → A, and fullwidth Latin
/// letters become ASCII.
/// Letters of other scripts are kept (upper-cased where the script has case).</item>
/// <item>Decimal digits of any script become ASCII 0–9.</item>
/// <item>Removed without a trace: combining marks, format characters (zero-width spaces, soft hyphens),
/// control characters other than whitespace (NUL and friends), lone surrogates, apostrophes and spacing
/// accents (' ’ ‘ ` ´ ^ ʼ ʻ), so O'Brien → OBRIEN rather than O BRIEN.</item>
/// <item>Everything else (whitespace, punctuation such as - . , / #, symbols, other numerals) separates words:
/// runs of it become one space, and leading or trailing ones are dropped.</item>
/// </list>
/// <para>The result is idempotent: cleaning a cleaned string returns it unchanged. It is a matching key, not a
/// display form.</para>
/// </remarks>
public static class TextCleaner
{
    /// <summary>How many characters of a rejected value are quoted back in a reason.</summary>
    internal const int QuoteLength = 20;

    /// <summary>Longest ASCII value cleaned on the stack; longer ones take the general path.</summary>
    private const int StackLimit = 256;

    /// <summary>Cleans <paramref name="raw"/> by the rules above; null or blank input gives the empty string.</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        return raw.Length <= StackLimit && Ascii.IsValid(raw) ? CleanAscii(raw) : CleanAnyText(raw);
    }

    /// <summary>
    /// The rules above for ASCII text, on the stack, returning <paramref name="raw"/> itself when it is clean already:
    /// nearly every value a registry sends, and a batch normalises fifteen of them per record.
    /// </summary>
    internal static string CleanAscii(string raw)
    {
        Span<char> cleaned = stackalloc char[raw.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace)
                {
                    cleaned[length++] = ' ';
                    pendingSpace = false;
                }

                cleaned[length++] = char.ToUpperInvariant(c);
            }
            else if (c is '\'' or '^' or '`' || (char.IsControl(c) && !Rune.IsWhiteSpace(new Rune(c))))
            {
                // apostrophes and spacing accents join the letters around them; control characters vanish
            }
            else
            {
                pendingSpace = length > 0;
            }
        }

        return raw.AsSpan().SequenceEqual(cleaned[..length]) ? raw : new string(cleaned[..length]);
    }

    /// <summary>The rules above for any text, code point by code point.</summary>
    internal static string CleanAnyText(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        var text = raw.AsSpan();
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            index += Math.Max(consumed, 1);
            if (status != OperationStatus.Done)
            {
                continue; // a lone surrogate
            }

            switch (Classify(rune))
            {
                case CharacterClass.Removed:
                    break;
                case CharacterClass.Separator:
                    pendingSpace = builder.Length > 0;
                    break;
                default:
                    if (pendingSpace)
                    {
                        builder.Append(' ');
                        pendingSpace = false;
                    }

                    AppendKept(rune, builder);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cleans <paramref name="raw"/> and reports the outcome: <see cref="FieldOutcome.Missing"/> for null or blank
    /// input; set aside as <c>no letters or digits</c> when nothing is left, or <c>longer than N characters</c>
    /// when the cleaned value exceeds <paramref name="maxLength"/>; otherwise accepted or normalised.
    /// </summary>
    public static FieldResult Normalize(string? raw, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        return Bounded(raw, Clean(raw), maxLength);
    }

    /// <summary>The common ending of the text normalisers: empty and over-long values are set aside.</summary>
    internal static FieldResult Bounded(string raw, string normalized, int maxLength)
    {
        if (normalized.Length == 0)
        {
            return FieldResult.SetAside("no letters or digits");
        }

        return normalized.Length > maxLength
            ? FieldResult.SetAside(TooLong(maxLength))
            : FieldResult.Of(raw, normalized);
    }

    /// <summary>The reason for a value over its length bound.</summary>
    internal static string TooLong(int maxLength) =>
        string.Create(CultureInfo.InvariantCulture, $"longer than {maxLength} characters");

    /// <summary>
    /// The sent value, quoted for a reason: trimmed, without control or format characters or lone surrogates,
    /// and cut to <see cref="QuoteLength"/> characters.
    /// </summary>
    internal static string Quote(string raw)
    {
        var builder = new StringBuilder(QuoteLength + 3);
        builder.Append('\'');
        var kept = 0;
        var text = raw.AsSpan().Trim();
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            index += Math.Max(consumed, 1);
            if (status != OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (kept == QuoteLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(rune.ToString());
            kept++;
        }

        return builder.Append('\'').ToString();
    }

    private static void AppendKept(Rune rune, StringBuilder builder)
    {
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            return;
        }

        if (LetterFolding.TryAppend(rune.Value, builder))
        {
            return;
        }

        var upper = Rune.ToUpperInvariant(rune);
        if (upper == rune || !LetterFolding.TryAppend(upper.Value, builder))
        {
            builder.Append(upper.ToString());
        }
    }

    private static CharacterClass Classify(Rune rune)
    {
        var value = rune.Value;
        if (value is '\'' or 0x2018 or 0x2019 or 0x201B or 0x2032 or 0xFF07)
        {
            return CharacterClass.Removed; // apostrophes and primes join the letters around them
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber => CharacterClass.Kept,

            // Spacing modifier letters (U+02B0..U+02FF: ʼ ʻ ˈ …) act as apostrophes or accents; others (々 ー) are letters.
            UnicodeCategory.ModifierLetter => value is >= 0x02B0 and <= 0x02FF ? CharacterClass.Removed : CharacterClass.Kept,

            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format or UnicodeCategory.ModifierSymbol => CharacterClass.Removed,

            UnicodeCategory.Control => Rune.IsWhiteSpace(rune) ? CharacterClass.Separator : CharacterClass.Removed,

            _ => CharacterClass.Separator,
        };
    }

    private enum CharacterClass
    {
        Kept,
        Removed,
        Separator,
    }
}
