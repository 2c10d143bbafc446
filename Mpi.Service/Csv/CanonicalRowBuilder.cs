using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>Turns the scanner's current record into a <see cref="CsvRow"/>, checking it on the way.</summary>
internal sealed class CanonicalRowBuilder(CsvHeaderBinding binding, int maxFieldLength, int maxQuotedFieldBytes)
{
    private readonly string?[] _values = new string?[CanonicalColumns.InFiles.Count];
    private readonly RepeatedValueCache[] _caches = CreateCaches();

    /// <summary>The row, or null for a blank line (which is skipped silently).</summary>
    public CsvRow? Build(CsvRecordScanner scanner)
    {
        var line = scanner.LineNumber;
        var record = scanner.RecordBytes;
        var fields = scanner.Fields;
        switch (scanner.Problem)
        {
            case CsvRecordProblem.UnterminatedQuote:
                return CsvRow.Bad(line, $"the quoted field {scanner.ProblemField + 1} is not closed before the end of the file");
            case CsvRecordProblem.RunawayQuote:
                return CsvRow.Bad(line,
                    $"a quoted field is still open after {maxQuotedFieldBytes} bytes (a stray quote?); the line was skipped");
        }

        if (CsvFieldText.DescribeInvalidUtf8(record, line, out var badLine) is { } utf8Problem)
        {
            return new CsvRow(line, null, $"line {badLine}: {utf8Problem}");
        }

        if (scanner.Problem == CsvRecordProblem.TextAfterClosingQuote)
        {
            // A stray quote opens a field that runs on to the next quote, lines later: every line it ran over is left
            // out with this row, so the report names them all instead of the first alone.
            var last = Math.Max(line, scanner.NextLineNumber - 1);
            return CsvRow.Bad(line, last == line ? $"text after the closing quote of field {scanner.ProblemField + 1}"
                : $"text after the closing quote of field {scanner.ProblemField + 1}, whose quote opened on line {line} (a stray quote?): " +
                  $"lines {line}–{last} were read as this one row and left out");
        }

        var map = binding.CanonicalIndexByField;
        if (fields.Length != map.Length)
        {
            if (fields.Length == 1 && CsvFieldText.IsBlank(record, fields[0]))
            {
                return null;
            }

            var noun = fields.Length == 1 ? "field" : "fields";
            return CsvRow.Bad(line, $"{fields.Length} {noun}, the header has {map.Length}");
        }

        Array.Clear(_values);
        for (var i = 0; i < fields.Length; i++)
        {
            var index = map[i];
            if (index < 0)
            {
                continue;
            }

            var field = fields[i];
            var value = _caches[index].TryGet(record, field) ?? CsvFieldText.Decode(record, field);
            if (value is not null && value.Length > maxFieldLength)
            {
                return CsvRow.Bad(line,
                    $"{CanonicalColumns.InFiles[index]} is {value.Length} characters; the limit is {maxFieldLength}");
            }

            _caches[index].Remember(record, field, value);
            _values[index] = value;
        }

        var registry = _values[CanonicalColumnIndex.Registry];
        var localId = _values[CanonicalColumnIndex.LocalId];
        if (registry is null || localId is null)
        {
            var missing = (registry, localId) switch
            {
                (null, null) => "registry and local_id are empty",
                (null, _) => "registry is empty",
                _ => "local_id is empty",
            };
            return CsvRow.Bad(line, missing);
        }

        var identifiers = IdentifiersField.Parse(_values[CanonicalColumnIndex.Identifiers]);
        if (identifiers.Error is { } wrong) return CsvRow.Bad(line, wrong);
        return CsvRow.Good(line, ToRecord(registry, localId, identifiers.Identifiers!));
    }

    private PatientRecord ToRecord(string registry, string localId, RecordIdentifiers identifiers)
    {
        var v = _values;
        return new PatientRecord(registry, localId)
        {
            GivenName = v[CanonicalColumnIndex.GivenName],
            MiddleName = v[CanonicalColumnIndex.MiddleName],
            FamilyName = v[CanonicalColumnIndex.FamilyName],
            Suffix = v[CanonicalColumnIndex.Suffix],
            BirthDate = v[CanonicalColumnIndex.BirthDate],
            Sex = v[CanonicalColumnIndex.Sex],
            AddressLine = v[CanonicalColumnIndex.AddressLine],
            AddressLine2 = v[CanonicalColumnIndex.AddressLine2],
            City = v[CanonicalColumnIndex.City],
            State = v[CanonicalColumnIndex.State],
            PostalCode = v[CanonicalColumnIndex.PostalCode],
            Phone = v[CanonicalColumnIndex.Phone],
            Email = v[CanonicalColumnIndex.Email],
            NationalId = v[CanonicalColumnIndex.NationalId],
            Identifiers = identifiers,
        };
    }

    private static RepeatedValueCache[] CreateCaches()
    {
        var caches = new RepeatedValueCache[CanonicalColumns.InFiles.Count];
        for (var i = 0; i < caches.Length; i++)
        {
            var column = CanonicalColumns.InFiles[i];
            caches[i] = new RepeatedValueCache(
                column is CanonicalColumns.Registry or CanonicalColumns.Sex or CanonicalColumns.State or CanonicalColumns.Suffix);
        }

        return caches;
    }

    /// <summary>
    /// Low-cardinality columns (registry, sex, state) repeat from row to row: reuse the previous row's string
    /// when the bytes are the same instead of allocating a new one.
    /// </summary>
    private sealed class RepeatedValueCache(bool enabled)
    {
        private const int MaxBytes = 32;
        private readonly byte[] _bytes = new byte[MaxBytes];
        private int _length = -1;
        private bool _quoted;
        private string? _value;

        public string? TryGet(ReadOnlySpan<byte> record, CsvField field) =>
            enabled && _length == field.Length && _quoted == field.Quoted
            && record.Slice(field.Start, field.Length).SequenceEqual(_bytes.AsSpan(0, _length))
                ? _value
                : null;

        public void Remember(ReadOnlySpan<byte> record, CsvField field, string? value)
        {
            if (!enabled || value is null || field.Length > MaxBytes || ReferenceEquals(value, _value))
            {
                return;
            }

            record.Slice(field.Start, field.Length).CopyTo(_bytes);
            _length = field.Length;
            _quoted = field.Quoted;
            _value = value;
        }
    }
}
