using System.Text;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// One HL7 v2 message in ER7 (pipe-and-hat) form, split into segments and fields with the delimiters it declares.
/// Hand-written: no maintained HL7 v2 parser is served here (NHapi and the others are not), and the face needs only
/// MSH, EVN, PID, PD1 and MRG. Segments end with a carriage return; a line feed (or both) is accepted too.
/// </summary>
public sealed class Er7Message
{
    private readonly List<Er7Segment> _segments;

    private Er7Message(Er7Delimiters delimiters, List<Er7Segment> segments) => (Delimiters, _segments) = (delimiters, segments);

    public Er7Delimiters Delimiters { get; }

    public IReadOnlyList<Er7Segment> Segments => _segments;

    public Er7Segment Header => _segments[0];

    public Er7Segment? First(string id) => _segments.FirstOrDefault(s => s.Id == id);

    /// <summary>Every segment <paramref name="id"/>, in order (A24 and A37 carry two PIDs).</summary>
    public IEnumerable<Er7Segment> All(string id) => _segments.Where(s => s.Id == id);

    /// <summary>The message, or why it cannot be read (no MSH first, unusable delimiters, a line that is no segment).</summary>
    public static (Er7Message? Message, string? Problem) Parse(string text)
    {
        if (text.Length < 8 || !text.StartsWith("MSH", StringComparison.Ordinal)) return (null, "no MSH segment at the start of the message");
        var field = text[3];
        // MSH-2 runs from after the field separator to the next one (or the end of the segment, if MSH stops there).
        var header = text.AsSpan(4);
        var lineEnd = header.IndexOfAny('\r', '\n');
        if (lineEnd >= 0) header = header[..lineEnd];
        var encodingEnd = header.IndexOf(field);
        var encoding = (encodingEnd < 0 ? header : header[..encodingEnd]).ToString();
        var (delimiters, problem) = Er7Delimiters.Of(field, encoding);
        if (delimiters is null) return (null, problem);

        var charset = Er7Text.CharsetNamed(MshField(header.ToString(), delimiters, 18));
        var segments = new List<Er7Segment>();
        var number = 0;
        foreach (var line in text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            number++;
            if (line.Length < 3 || line.AsSpan(0, 3).ContainsAnyExcept(SegmentIdCharacters) || (line.Length > 3 && line[3] != field))
                return (null, $"segment {number}: not a segment (three letters or digits and a field separator)");
            // Two messages in one MLLP block: the second would go unanswered and unregistered, so the block is refused whole.
            if (number > 1 && line.StartsWith("MSH", StringComparison.Ordinal))
                return (null, $"segment {number}: a second MSH (one message per MLLP block; send each in its own)");
            segments.Add(new Er7Segment(line[..3], line.Split(field), delimiters, charset, isHeader: number == 1));
        }
        if (segments.Count == 0 || segments[0].Id != "MSH") return (null, "no MSH segment at the start of the message");
        return (new Er7Message(delimiters, segments), null);
    }

    /// <summary>The first component of MSH-<paramref name="number"/> as sent, from the header line after MSH-1 (so from MSH-2 on).</summary>
    private static string MshField(string fromMsh2, Er7Delimiters delimiters, int number) =>
        fromMsh2.Split(delimiters.Field) is var parts && number - 2 < parts.Length ? parts[number - 2].Split(delimiters.Component)[0] : "";

    private static readonly System.Buffers.SearchValues<char> SegmentIdCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
}

/// <summary>
/// One segment. Fields are numbered as the standard numbers them: for MSH, MSH-1 is the field separator itself and
/// MSH-2 the encoding characters, so the first split part after the id is MSH-2; for every other segment it is field 1.
/// </summary>
public sealed class Er7Segment
{
    private readonly string[] _parts;
    private readonly Er7Delimiters _delimiters;
    private readonly Encoding _charset;
    private readonly bool _isHeader;

    internal Er7Segment(string id, string[] parts, Er7Delimiters delimiters, Encoding charset, bool isHeader) =>
        (Id, _parts, _delimiters, _charset, _isHeader) = (id, parts, delimiters, charset, isHeader);

    public string Id { get; }

    /// <summary>Field <paramref name="number"/> as sent (escapes and delimiters still in it); empty when absent.</summary>
    public string Raw(int number)
    {
        if (_isHeader && number == 1) return _delimiters.Field.ToString();
        var index = _isHeader ? number - 1 : number;
        return index >= 1 && index < _parts.Length ? _parts[index] : "";
    }

    /// <summary>How many repetitions field <paramref name="number"/> holds (0 when empty).</summary>
    public int Repetitions(int number) => Raw(number) is { Length: > 0 } raw ? raw.Split(_delimiters.Repetition).Length : 0;

    /// <summary>One value, unescaped: field, repetition (from 0), component and subcomponent (from 1); empty when absent.</summary>
    public string Value(int field, int component = 1, int subcomponent = 1, int repetition = 0)
    {
        var raw = Raw(field);
        if (raw.Length == 0) return "";
        if (_isHeader && field <= 2) return raw; // the delimiters themselves
        var repetitions = raw.Split(_delimiters.Repetition);
        if (repetition >= repetitions.Length) return "";
        var components = repetitions[repetition].Split(_delimiters.Component);
        if (component > components.Length) return "";
        var subcomponents = components[component - 1].Split(_delimiters.Subcomponent);
        return subcomponent > subcomponents.Length ? "" : _delimiters.Unescape(subcomponents[subcomponent - 1], _charset);
    }

    /// <summary>
    /// Why an escape sequence somewhere in field <paramref name="number"/> cannot be resolved; null when every one can.
    /// Each value is checked as <see cref="Value"/> reads it (repetition, component, subcomponent): two lone escape
    /// characters in different components are no sequence.
    /// </summary>
    public string? UnreadableEscape(int number)
    {
        if (_isHeader && number <= 2) return null;
        foreach (var repetition in Raw(number).Split(_delimiters.Repetition))
            foreach (var component in repetition.Split(_delimiters.Component))
                foreach (var subcomponent in component.Split(_delimiters.Subcomponent))
                    if (_delimiters.Unreadable(subcomponent, _charset) is { } problem) return problem;
        return null;
    }
}
