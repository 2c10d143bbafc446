using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>Which canonical column (an index into <see cref="CanonicalColumns.InFiles"/>) each field of a file holds.</summary>
internal sealed class CsvHeaderBinding
{
    private CsvHeaderBinding(IReadOnlyList<string> headers, int[] canonicalIndexByField)
    {
        Headers = headers;
        CanonicalIndexByField = canonicalIndexByField;
    }

    /// <summary>The header names as found in the file, trimmed.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>For each field of a row, its canonical column index, or -1 for a column that is ignored.</summary>
    public int[] CanonicalIndexByField { get; }

    public static (CsvHeaderBinding? Binding, string? Error) Create(
        IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? columnMap)
    {
        // Lines that end in a carriage return alone (CR, as old Mac exports) read as one line: the header would hold
        // every row, and the file would be read as empty. Said, not guessed at.
        if (headers.Any(h => h.Contains('\r')))
            return (null, "the lines end in a carriage return alone (CR): convert them to LF or CRLF, for example with tr '\\r' '\\n'");
        var indexes = new int[headers.Count];
        var sourceByCanonical = new string?[CanonicalColumns.InFiles.Count];
        for (var field = 0; field < headers.Count; field++)
        {
            var header = headers[field];
            var target = columnMap is not null && TryMap(columnMap, header, out var mapped) ? mapped : header;
            var canonical = ColumnMap.FindCanonical(target);
            indexes[field] = canonical is null ? -1 : IndexOf(canonical);
            if (canonical is null)
            {
                continue;
            }

            var index = indexes[field];
            if (sourceByCanonical[index] is { } earlier)
            {
                return (null, $"the header has two columns for {canonical}: '{earlier}' and '{header}'");
            }

            sourceByCanonical[index] = header;
        }

        var missing = new List<string>(2);
        if (sourceByCanonical[IndexOf(CanonicalColumns.Registry)] is null)
        {
            missing.Add(CanonicalColumns.Registry);
        }

        if (sourceByCanonical[IndexOf(CanonicalColumns.LocalId)] is null)
        {
            missing.Add(CanonicalColumns.LocalId);
        }

        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "column" : "columns";
            // The names found are shown only when the line is a header (it names a column this reader knows): a file
            // without one has a patient's row there, which an error message must not repeat.
            var found = indexes.Any(i => i >= 0) ? $"headers found: {string.Join(", ", headers)}"
                : $"line 1 names none of the canonical columns ({headers.Count} fields): is the header row missing?";
            // Names the option that fixes it: a registry's export rarely uses the canonical names.
            return (null, $"the header has no {string.Join(" or ", missing)} {noun}; {found} " +
                $"(name the file's own columns with --map, for example --map {MapExample(missing)})");
        }

        return (new CsvHeaderBinding(headers, indexes), null);
    }

    internal static int IndexOf(string canonicalColumn)
    {
        for (var i = 0; i < CanonicalColumns.InFiles.Count; i++)
        {
            if (ReferenceEquals(CanonicalColumns.InFiles[i], canonicalColumn) || CanonicalColumns.InFiles[i] == canonicalColumn)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{canonicalColumn}' is not a canonical column", nameof(canonicalColumn));
    }

    private static bool TryMap(IReadOnlyDictionary<string, string> map, string header, out string mapped)
    {
        if (map.TryGetValue(header, out mapped!))
        {
            return true;
        }

        // The caller's dictionary may compare case-sensitively; header names never do.
        foreach (var (source, destination) in map)
        {
            if (string.Equals(source.Trim(), header, StringComparison.OrdinalIgnoreCase))
            {
                mapped = destination;
                return true;
            }
        }

        mapped = header;
        return false;
    }

    private static string MapExample(List<string> missing) =>
        string.Join(',', missing.Select(column => column == CanonicalColumns.Registry ? "source=registry" : "mrn=local_id"));
}
