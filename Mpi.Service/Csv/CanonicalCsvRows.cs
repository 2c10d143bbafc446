using System.Collections;

namespace Mpi.Service.Csv;

/// <summary>
/// The data rows of a canonical CSV file whose header has been checked. Reading is lazy and streaming: each
/// enumeration opens the file again and reads it once. Good rows carry a record; bad rows carry the reason they
/// were left out. <see cref="BytesConsumed"/> against <see cref="TotalBytes"/> drives a progress bar and may be
/// read from another thread.
/// </summary>
public sealed class CanonicalCsvRows : IEnumerable<CsvRow>
{
    private const int BufferSize = 1 << 20;

    private readonly CsvHeaderBinding _binding;
    private readonly long _dataOffset;
    private readonly int _firstDataLine;
    private readonly CsvReadOptions _options;
    private long _bytesConsumed;

    internal CanonicalCsvRows(
        string path, CsvHeaderBinding binding, long dataOffset, int firstDataLine, long totalBytes, CsvReadOptions options)
    {
        Path = path;
        _binding = binding;
        _dataOffset = dataOffset;
        _firstDataLine = firstDataLine;
        _options = options;
        TotalBytes = totalBytes;
        _bytesConsumed = dataOffset;
    }

    public string Path { get; }

    /// <summary>The header names as found in the file (trimmed, before any column map).</summary>
    public IReadOnlyList<string> Headers => _binding.Headers;

    /// <summary>The file's length in bytes when it was opened.</summary>
    public long TotalBytes { get; }

    /// <summary>How far the current (or latest) enumeration has read, in bytes from the start of the file.</summary>
    public long BytesConsumed => Interlocked.Read(ref _bytesConsumed);

    public IEnumerator<CsvRow> GetEnumerator()
    {
        using var stream = CanonicalCsvReader.OpenFile(Path);
        stream.Position = _dataOffset;
        Interlocked.Exchange(ref _bytesConsumed, _dataOffset);
        var maxQuotedFieldBytes = CanonicalCsvReader.MaxQuotedFieldBytes(_options);
        var scanner = new CsvRecordScanner(stream, _dataOffset, _firstDataLine, maxQuotedFieldBytes, BufferSize);
        var builder = new CanonicalRowBuilder(_binding, _options.MaxFieldLength, maxQuotedFieldBytes);
        while (scanner.MoveNext())
        {
            Interlocked.Exchange(ref _bytesConsumed, scanner.EndOffset);
            if (builder.Build(scanner) is { } row)
            {
                yield return row;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
