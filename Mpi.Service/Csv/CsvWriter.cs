using System.Buffers;
using System.Text;

namespace Mpi.Service.Csv;

/// <summary>
/// Writes RFC 4180 rows: fields holding a comma, a quote, CR or LF are quoted with inner quotes doubled;
/// null is written as an empty field; rows end in CR LF (as Python's csv module writes them).
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private const int FileBufferSize = 1 << 16;
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;

    public CsvWriter(TextWriter writer, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Creates (or overwrites) a UTF-8 file without a byte order mark.</summary>
    public static CsvWriter Create(string path) =>
        new(new StreamWriter(path, Utf8NoBom, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            BufferSize = FileBufferSize,
        }));

    public void WriteRow(params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteField(fields[i]);
        }

        _writer.Write("\r\n");
    }

    public void WriteRow(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                _writer.Write(',');
            }

            WriteField(field);
            first = false;
        }

        _writer.Write("\r\n");
    }

    /// <summary>The field as it appears in a file: quoted when it must be.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.AsSpan().ContainsAny(NeedsQuoting)
            ? string.Concat("\"", field.Replace("\"", "\"\"", StringComparison.Ordinal), "\"")
            : field;
    }

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        if (_leaveOpen)
        {
            _writer.Flush();
        }
        else
        {
            _writer.Dispose();
        }
    }

    private void WriteField(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return;
        }

        var span = field.AsSpan();
        if (!span.ContainsAny(NeedsQuoting))
        {
            _writer.Write(span);
            return;
        }

        _writer.Write('"');
        while (true)
        {
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                _writer.Write(span);
                break;
            }

            _writer.Write(span[..(quote + 1)]);
            _writer.Write('"');
            span = span[(quote + 1)..];
        }

        _writer.Write('"');
    }
}
