using System.Text;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// The delimiters of one HL7 v2 message, read from MSH-1 and MSH-2 (ER7, the pipe-and-hat encoding), and its escape
/// sequences: <c>\F\</c> field, <c>\S\</c> component, <c>\T\</c> subcomponent, <c>\R\</c> repetition, <c>\E\</c>
/// escape, <c>\Xhh…\</c> bytes in hexadecimal; highlighting and formatting (<c>\H\</c>, <c>\.br\</c>) carry nothing a
/// patient's demographics need. Any other sequence is unreadable: kept as it came, and refused by the face that reads it.
/// </summary>
public sealed record Er7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    public static Er7Delimiters Standard { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as sent back in an acknowledgement.</summary>
    public string EncodingCharacters => $"{Component}{Repetition}{Escape}{Subcomponent}";

    /// <summary>The delimiters a message declares, or why they cannot be used.</summary>
    public static (Er7Delimiters? Delimiters, string? Problem) Of(char field, string encoding)
    {
        if (encoding.Length < 4) return (null, "MSH-2: the encoding characters must be four (component, repetition, escape, subcomponent)");
        var chars = new[] { field, encoding[0], encoding[1], encoding[2], encoding[3] };
        if (chars.Distinct().Count() != 5) return (null, "MSH-1/MSH-2: the delimiters must all differ");
        if (chars.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsControl(c)))
            return (null, "MSH-1/MSH-2: a delimiter may not be a letter, digit, space or control character");
        return (new Er7Delimiters(field, encoding[0], encoding[1], encoding[2], encoding[3]), null);
    }

    /// <summary>
    /// A value as sent, its escape sequences resolved, <c>\Xhh…\</c> bytes read in the message's character set.
    /// A sequence that cannot be resolved is kept as it came (<see cref="Unreadable"/> says why), never dropped.
    /// </summary>
    public string Unescape(string raw, Encoding charset)
    {
        if (raw.IndexOf(Escape) < 0) return raw;
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var close = raw[i] == Escape ? raw.IndexOf(Escape, i + 1) : -1;
            if (close < 0)
            {
                text.Append(raw[i]); // a lone escape character is kept as it came
                continue;
            }
            var sequence = raw.AsSpan(i + 1, close - i - 1);
            var (resolved, _) = Resolve(sequence, charset);
            text.Append(resolved ?? raw.AsSpan(i, close - i + 1).ToString());
            i = close;
        }
        return text.ToString();
    }

    /// <summary>Why one of <paramref name="raw"/>'s escape sequences cannot be resolved; null when all can.</summary>
    public string? Unreadable(string raw, Encoding charset)
    {
        for (var i = raw.IndexOf(Escape); i >= 0; i = raw.IndexOf(Escape, i + 1))
        {
            var close = raw.IndexOf(Escape, i + 1);
            if (close < 0) return null;
            if (Resolve(raw.AsSpan(i + 1, close - i - 1), charset).Problem is { } problem) return problem;
            i = close;
        }
        return null;
    }

    /// <summary>
    /// One sequence's text. Highlighting (<c>\H\ \N\</c>) and formatting (<c>\.br\</c> and the others beginning with
    /// a dot) carry no letter of a demographic: a line or space break becomes a space, the rest nothing. Character-set
    /// switches (<c>\C…\ \M…\</c>), local escapes (<c>\Z…\</c>) and anything else cannot be read here: keeping them
    /// out silently had stored O\XZZ\Brien as OBRIEN.
    /// </summary>
    private (string? Text, string? Problem) Resolve(ReadOnlySpan<char> sequence, Encoding charset)
    {
        if (sequence.Length == 1)
        {
            var c = sequence[0] switch { 'F' => Field, 'S' => Component, 'T' => Subcomponent, 'R' => Repetition, 'E' => Escape, _ => '\0' };
            if (c != '\0') return (c.ToString(), null);
            if (sequence[0] is 'H' or 'N') return ("", null);
        }
        if (sequence.Length > 1 && sequence[0] == '.') return (sequence[1..] is ['b', 'r'] or ['s', 'p', ..] ? " " : "", null);
        if (sequence.Length > 1 && sequence[0] == 'X')
        {
            try
            {
                return (charset.GetString(Convert.FromHexString(sequence[1..])), null);
            }
            catch (FormatException)
            {
                return (null, $"a {Escape}Xhh{Escape} escape must hold pairs of hexadecimal digits");
            }
            catch (DecoderFallbackException)
            {
                return (null, $"a {Escape}Xhh{Escape} escape holds bytes that are not {charset.WebName} (MSH-18)");
            }
        }
        if (sequence.Length > 0 && sequence[0] is 'C' or 'M')
            return (null, $"a character-set escape ({Escape}C or {Escape}M) is not read here: send the text in MSH-18's character set");
        return (null, $"an escape sequence the standard does not define for this text (send the escape character itself as {Escape}E{Escape})");
    }

    /// <summary>Text made safe for one ER7 value: every delimiter as its escape sequence, line breaks as spaces.</summary>
    public string EscapeText(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == Escape) escaped.Append(Escape).Append('E').Append(Escape);
            else if (c == Field) escaped.Append(Escape).Append('F').Append(Escape);
            else if (c == Component) escaped.Append(Escape).Append('S').Append(Escape);
            else if (c == Subcomponent) escaped.Append(Escape).Append('T').Append(Escape);
            else if (c == Repetition) escaped.Append(Escape).Append('R').Append(Escape);
            else if (c is '\r' or '\n') escaped.Append(' ');
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
