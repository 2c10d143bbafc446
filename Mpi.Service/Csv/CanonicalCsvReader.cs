namespace Mpi.Service.Csv;

/// <summary>
/// Reads files of the canonical record columns (docs/decisions.md): a header row is required, header names match
/// case-insensitively after trimming, unknown columns are ignored, only registry and local_id are mandatory.
/// Fields follow RFC 4180 and are trimmed. Problems are results: a file-level error from <see cref="Open"/>, or a
/// bad row (with its physical line number) among the good ones. Only I/O failures throw.
/// </summary>
public static class CanonicalCsvReader
{
    /// <summary>A quoted field still open after this many bytes (or 8 × the field limit, if more) is a stray quote.</summary>
    public const int MinRunawayQuoteBytes = 64 * 1024;

    private const int HeaderBufferSize = 64 * 1024;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Checks the header and returns the rows to read, or the reason the file cannot be read.</summary>
    public static CsvReadResult Open(string path, CsvReadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFieldLength, 1, nameof(options));

        using var stream = OpenFile(path);
        var totalBytes = stream.Length;
        var start = SkipByteOrderMark(stream);
        var scanner = new CsvRecordScanner(stream, start, 1, MaxQuotedFieldBytes(options), HeaderBufferSize);
        while (scanner.MoveNext())
        {
            var fields = scanner.Fields;
            if (fields.Length == 1 && CsvFieldText.IsBlank(scanner.RecordBytes, fields[0]))
            {
                continue;
            }

            var (headers, headerError) = ReadHeader(scanner);
            if (headerError is not null)
            {
                return CsvReadResult.Failure(headerError);
            }

            var (binding, bindingError) = CsvHeaderBinding.Create(headers!, options.ColumnMap);
            if (binding is null)
            {
                return CsvReadResult.Failure(bindingError!);
            }

            var rows = new CanonicalCsvRows(path, binding, scanner.EndOffset, scanner.NextLineNumber, totalBytes, options);
            return CsvReadResult.Success(rows);
        }

        return CsvReadResult.Failure("the file is empty: a header row with registry and local_id is required");
    }

    internal static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    internal static int MaxQuotedFieldBytes(CsvReadOptions options) =>
        (int)Math.Clamp(8L * options.MaxFieldLength, MinRunawayQuoteBytes, 1L << 30);

    private static (string[]? Headers, string? Error) ReadHeader(CsvRecordScanner scanner)
    {
        var line = scanner.LineNumber;
        switch (scanner.Problem)
        {
            case CsvRecordProblem.UnterminatedQuote:
            case CsvRecordProblem.RunawayQuote:
                return (null, $"the header row (line {line}) has a quoted field that is never closed");
            case CsvRecordProblem.TextAfterClosingQuote:
                return (null, $"the header row (line {line}) has text after the closing quote of field {scanner.ProblemField + 1}");
        }

        var record = scanner.RecordBytes;
        if (CsvFieldText.DescribeInvalidUtf8(record, line, out var badLine) is { } problem)
        {
            return (null, $"the header row (line {badLine}) is {problem}");
        }

        var fields = scanner.Fields;
        var headers = new string[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            headers[i] = CsvFieldText.Decode(record, fields[i]) ?? string.Empty;
        }

        return (headers, null);
    }

    private static long SkipByteOrderMark(FileStream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (read == 3 && head.SequenceEqual(Utf8Bom))
        {
            return 3;
        }

        stream.Position = 0;
        return 0;
    }
}
