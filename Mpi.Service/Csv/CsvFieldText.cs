using System.Text;
using System.Text.Unicode;

namespace Mpi.Service.Csv;

/// <summary>Turns scanned field bytes into trimmed strings, and explains bytes that are not UTF-8.</summary>
internal static class CsvFieldText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The field's value, unquoted and trimmed; null when it is empty. The bytes must be valid UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> record, CsvField field)
    {
        var bytes = record.Slice(field.Start, field.Length);
        if (!field.Quoted)
        {
            bytes = TrimAscii(bytes);
        }

        if (bytes.IsEmpty)
        {
            return null;
        }

        var text = StrictUtf8.GetString(bytes);
        if (field.HasDoubledQuotes)
        {
            text = text.Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            text = text.Trim();
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>True when the field holds nothing but ASCII whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> record, CsvField field) =>
        !field.Quoted && TrimAscii(record.Slice(field.Start, field.Length)).IsEmpty;

    /// <summary>Null when <paramref name="record"/> is valid UTF-8; otherwise where the first bad byte is.</summary>
    public static string? DescribeInvalidUtf8(ReadOnlySpan<byte> record, int firstLineNumber, out int lineNumber)
    {
        lineNumber = firstLineNumber;
        if (Utf8.IsValid(record))
        {
            return null;
        }

        var offset = 0;
        while (offset < record.Length)
        {
            var status = Rune.DecodeFromUtf8(record[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
        }

        var before = record[..offset];
        lineNumber = firstLineNumber + before.Count((byte)'\n');
        var column = offset - before.LastIndexOf((byte)'\n');
        return $"not valid UTF-8 (byte 0x{record[offset]:X2} at column {column})";
    }

    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> bytes)
    {
        var start = 0;
        while (start < bytes.Length && IsAsciiWhiteSpace(bytes[start]))
        {
            start++;
        }

        var end = bytes.Length;
        while (end > start && IsAsciiWhiteSpace(bytes[end - 1]))
        {
            end--;
        }

        return bytes[start..end];
    }

    private static bool IsAsciiWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;
}
