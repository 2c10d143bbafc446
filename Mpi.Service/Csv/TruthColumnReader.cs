using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>
/// Reads one extra column — the true person of each record, in a labelled evaluation file — keyed by
/// (registry, local id). Rows that cannot be read are skipped here: the canonical reader reports them.
/// </summary>
public static class TruthColumnReader
{
    private const int BufferSize = 1 << 20;

    /// <summary>The truth by record key, or an error when the column (or registry/local_id) is not in the header.</summary>
    public static (Dictionary<(string Registry, string LocalId), string>? Truth, string? Error) Read(
        string path, string column, IReadOnlyDictionary<string, string>? columnMap)
    {
        using var stream = CanonicalCsvReader.OpenFile(path);
        var scanner = new CsvRecordScanner(stream, 0, 1, CanonicalCsvReader.MinRunawayQuoteBytes, BufferSize);
        if (!scanner.MoveNext()) return (null, "the file is empty");
        var headers = new string[scanner.Fields.Length];
        for (var i = 0; i < headers.Length; i++)
            headers[i] = (CsvFieldText.Decode(scanner.RecordBytes, scanner.Fields[i]) ?? "").TrimStart('\uFEFF');
        int Find(string name) => Array.FindIndex(headers, h => string.Equals(Canonical(h, columnMap), name, StringComparison.OrdinalIgnoreCase));
        var registry = Find(CanonicalColumns.Registry);
        var localId = Find(CanonicalColumns.LocalId);
        var truth = Array.FindIndex(headers, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
        // The header's names are repeated only when it names registry and local_id: otherwise line 1 may be a patient's row.
        if (truth < 0)
            return (null, registry >= 0 && localId >= 0 ? $"the truth column '{column}' is not in the header ({string.Join(", ", headers)})"
                : $"the truth column '{column}' is not in the header, which lacks registry or local_id");
        if (registry < 0 || localId < 0) return (null, "the header lacks registry or local_id");

        var result = new Dictionary<(string, string), string>();
        while (scanner.MoveNext())
        {
            var fields = scanner.Fields;
            if (scanner.Problem != CsvRecordProblem.None || fields.Length != headers.Length) continue;
            try
            {
                var r = CsvFieldText.Decode(scanner.RecordBytes, fields[registry]);
                var l = CsvFieldText.Decode(scanner.RecordBytes, fields[localId]);
                var t = CsvFieldText.Decode(scanner.RecordBytes, fields[truth]);
                if (r is not null && l is not null && t is not null) result[(r, l)] = t;
            }
            catch (ArgumentException)
            {
                // Not UTF-8: the canonical reader reports this row.
            }
        }
        return (result, null);
    }

    private static string Canonical(string header, IReadOnlyDictionary<string, string>? map)
    {
        var h = header.Trim();
        return map is not null && map.TryGetValue(h, out var mapped) ? mapped : h;
    }
}
