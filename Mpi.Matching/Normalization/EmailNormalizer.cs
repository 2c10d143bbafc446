using System.Buffers;
using System.Globalization;
using System.Text;

namespace Mpi.Matching.Normalization;

/// <summary>Normalises an e-mail address: trimmed and lower-cased (invariant), otherwise as sent.</summary>
/// <remarks>
/// <para>The address must have exactly one <c>@</c> with a non-empty local part before it and a domain after it that
/// contains a dot between non-empty labels, and no whitespace, control or format characters or lone surrogates;
/// otherwise it is set aside as <c>not an email address</c>. Provider-specific rewriting (Gmail dots, <c>+tags</c>)
/// is not done.</para>
/// <para>Set aside too: longer than <see cref="MaxLength"/> characters; placeholders
/// (<see cref="Placeholders.IsPlaceholderEmail"/>: noemail@…, none@…, test@test.com, na@na.com, …@example.com).</para>
/// </remarks>
public static class EmailNormalizer
{
    /// <summary>The longest usable address (RFC 5321 path limit less the angle brackets).</summary>
    public const int MaxLength = 254;

    private const string NotAnEmail = "not an email address";

    /// <summary>Normalises the e-mail field.</summary>
    public static FieldResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var trimmed = raw.Trim();
        if (trimmed.Length > MaxLength)
        {
            return FieldResult.SetAside(TextCleaner.TooLong(MaxLength));
        }

        var address = trimmed.ToLowerInvariant();
        if (!IsWellFormed(address))
        {
            return FieldResult.SetAside(NotAnEmail);
        }

        return Placeholders.IsPlaceholderEmail(address)
            ? FieldResult.SetAside("placeholder email")
            : FieldResult.Of(raw, address);
    }

    private static bool IsWellFormed(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || !HasOnlyVisibleCharacters(address))
        {
            return false;
        }

        var domain = address.AsSpan(at + 1);
        return domain.Contains('.')
            && domain[0] != '.'
            && domain[^1] != '.'
            && !domain.Contains("..", StringComparison.Ordinal);
    }

    private static bool HasOnlyVisibleCharacters(string address)
    {
        var text = address.AsSpan();
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            index += Math.Max(consumed, 1);
            if (status != OperationStatus.Done
                || Rune.IsWhiteSpace(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }
}
