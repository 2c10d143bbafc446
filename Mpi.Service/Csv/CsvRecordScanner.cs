namespace Mpi.Service.Csv;

/// <summary>
/// Splits a byte stream into RFC 4180 records without decoding it: quoted fields may hold commas, doubled quotes
/// and line breaks; lines end in LF or CR LF. Keeps the physical line number of each record's first line.
/// The spans it exposes are valid until the next <see cref="MoveNext"/>.
/// </summary>
internal sealed class CsvRecordScanner
{
    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';
    private const byte LineFeed = (byte)'\n';

    private readonly Stream _stream;
    private readonly int _maxQuotedFieldBytes;
    private byte[] _buffer;
    private int _dataEnd;
    private long _bufferOrigin;
    private bool _streamEnded;
    private int _recordStart;
    private int _recordEnd;
    private int _nextLineNumber;
    private int _newlines;
    private CsvField[] _fields = new CsvField[32];
    private int _fieldCount;

    /// <param name="stream">Positioned at <paramref name="startOffset"/>.</param>
    /// <param name="maxQuotedFieldBytes">A quoted field still open after this many bytes is taken for a stray quote.</param>
    public CsvRecordScanner(Stream stream, long startOffset, int firstLineNumber, int maxQuotedFieldBytes, int bufferSize)
    {
        _stream = stream;
        _bufferOrigin = startOffset;
        _nextLineNumber = firstLineNumber;
        _maxQuotedFieldBytes = maxQuotedFieldBytes;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The physical line on which the current record starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The line on which the next record starts.</summary>
    public int NextLineNumber => _nextLineNumber;

    /// <summary>The stream offset just past the current record.</summary>
    public long EndOffset => _bufferOrigin + _recordEnd;

    /// <summary>The current record's raw bytes, its line terminator included.</summary>
    public ReadOnlySpan<byte> RecordBytes => _buffer.AsSpan(_recordStart, _recordEnd - _recordStart);

    /// <summary>The current record's fields, as slices of <see cref="RecordBytes"/>.</summary>
    public ReadOnlySpan<CsvField> Fields => _fields.AsSpan(0, _fieldCount);

    public CsvRecordProblem Problem { get; private set; }

    /// <summary>The 0-based field the <see cref="Problem"/> is in.</summary>
    public int ProblemField { get; private set; }

    public bool MoveNext()
    {
        _recordStart = _recordEnd;
        LineNumber = _nextLineNumber;
        while (true)
        {
            if (_recordStart == _dataEnd && _streamEnded)
            {
                return false;
            }

            if (_recordStart < _dataEnd && TryScanRecord())
            {
                _nextLineNumber = LineNumber + _newlines;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_recordStart > 0)
        {
            var kept = _dataEnd - _recordStart;
            Buffer.BlockCopy(_buffer, _recordStart, _buffer, 0, kept);
            _bufferOrigin += _recordStart;
            _dataEnd = kept;
            _recordEnd -= _recordStart;
            _recordStart = 0;
        }

        if (_dataEnd == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        var read = _stream.Read(_buffer, _dataEnd, _buffer.Length - _dataEnd);
        if (read == 0)
        {
            _streamEnded = true;
        }

        _dataEnd += read;
    }

    /// <summary>Scans one record from <see cref="_recordStart"/>; false when the buffer ends before the record does.</summary>
    private bool TryScanRecord()
    {
        var data = _buffer.AsSpan(0, _dataEnd);
        var final = _streamEnded;
        var end = _dataEnd;
        var p = _recordStart;
        _fieldCount = 0;
        _newlines = 0;
        Problem = CsvRecordProblem.None;
        ProblemField = 0;

        while (true)
        {
            var q = p;
            while (q < end && (data[q] == (byte)' ' || data[q] == (byte)'\t'))
            {
                q++;
            }

            int afterField;
            if (q < end && data[q] == Quote)
            {
                var contentStart = q + 1;
                var r = contentStart;
                var doubled = false;
                while (true)
                {
                    var found = data[r..].IndexOf(Quote);
                    var reach = found < 0 ? end : r + found;
                    if (reach - contentStart > _maxQuotedFieldBytes)
                    {
                        return TakeRunawayRecord(data, final);
                    }

                    if (found < 0 || reach + 1 == end)
                    {
                        if (!final)
                        {
                            return false;
                        }

                        if (found < 0)
                        {
                            AddField(contentStart, end - contentStart, quoted: true, doubled);
                            _newlines += data[contentStart..end].Count(LineFeed);
                            Problem = CsvRecordProblem.UnterminatedQuote;
                            ProblemField = _fieldCount - 1;
                            _recordEnd = end;
                            return true;
                        }
                    }

                    r = reach;
                    if (r + 1 < end && data[r + 1] == Quote)
                    {
                        doubled = true;
                        r += 2;
                        continue;
                    }

                    break;
                }

                AddField(contentStart, r - contentStart, quoted: true, doubled);
                _newlines += data[contentStart..r].Count(LineFeed);
                afterField = r + 1;
                while (afterField < end && data[afterField] is (byte)' ' or (byte)'\t' or (byte)'\r')
                {
                    afterField++;
                }

                if (afterField < end && data[afterField] != Comma && data[afterField] != LineFeed)
                {
                    if (Problem == CsvRecordProblem.None)
                    {
                        Problem = CsvRecordProblem.TextAfterClosingQuote;
                        ProblemField = _fieldCount - 1;
                    }

                    var skip = data[afterField..].IndexOfAny(Comma, LineFeed);
                    afterField = skip < 0 ? end : afterField + skip;
                }
            }
            else
            {
                var found = data[p..].IndexOfAny(Comma, LineFeed);
                afterField = found < 0 ? end : p + found;
                AddField(p, afterField - p, quoted: false, doubled: false);
            }

            if (afterField == end)
            {
                if (!final)
                {
                    return false;
                }

                _recordEnd = end;
                return true;
            }

            if (data[afterField] == LineFeed)
            {
                _newlines++;
                _recordEnd = afterField + 1;
                return true;
            }

            p = afterField + 1;
        }
    }

    /// <summary>A quoted field ran past the limit: give up on this record at the end of its first physical line.</summary>
    private bool TakeRunawayRecord(ReadOnlySpan<byte> data, bool final)
    {
        var lineEnd = data[_recordStart..].IndexOf(LineFeed);
        if (lineEnd < 0 && !final)
        {
            return false;
        }

        _fieldCount = 0;
        Problem = CsvRecordProblem.RunawayQuote;
        _newlines = lineEnd < 0 ? 0 : 1;
        _recordEnd = lineEnd < 0 ? data.Length : _recordStart + lineEnd + 1;
        return true;
    }

    private void AddField(int start, int length, bool quoted, bool doubled)
    {
        if (_fieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[_fieldCount++] = new CsvField(start - _recordStart, length, quoted, doubled);
    }
}

/// <summary>A field's bytes within a record: the content between the quotes when <paramref name="Quoted"/>.</summary>
internal readonly record struct CsvField(int Start, int Length, bool Quoted, bool HasDoubledQuotes);

internal enum CsvRecordProblem
{
    None,

    /// <summary>The file ends inside a quoted field.</summary>
    UnterminatedQuote,

    /// <summary>A quoted field stayed open past the byte limit; the record was cut at its first line end.</summary>
    RunawayQuote,

    /// <summary>Something other than a comma or line end follows a closing quote.</summary>
    TextAfterClosingQuote,
}
