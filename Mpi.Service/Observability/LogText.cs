using System.Globalization;
using System.Text;

namespace Mpi.Service.Observability;

/// <summary>
/// The one way a value that came from a caller reaches a log line or an error message that servers log: control and
/// format characters (CR, LF, ESC, NUL, bidi overrides) become <c>?</c>, so a value cannot start a forged line or
/// drive a terminal, and it is cut to a bound, so a megabyte of input cannot become a megabyte of log.
/// </summary>
public static class LogText
{
    public const int MaxLength = 64;

    public static string Safe(string? value, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var cut = value.Length > maxLength;
        var text = cut ? value[..maxLength] : value;
        if (!cut && !text.Any(Unsafe)) return text;
        var safe = new StringBuilder(text.Length + 1);
        foreach (var c in text) safe.Append(Unsafe(c) ? '?' : c);
        if (cut) safe.Append('…');
        return safe.ToString();
    }

    /// <summary>True for a character no log line should carry as is: controls, format characters, lone surrogates.</summary>
    public static bool Unsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
