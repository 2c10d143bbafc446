using Mpi.Service.Csv;

namespace Mpi.Service.Learning;

/// <summary>
/// Reads reviewers' verdicts on pairs of records:
/// <c>registry_a,local_id_a,registry_b,local_id_b,same_person</c>, where <c>same_person</c> is true/false, 1/0, or
/// the review queue's resolutions (same_person, merge_persons / different_person, unlink, unmerge).
/// </summary>
public static class PairLabelsCsv
{
    private const int BufferSize = 1 << 20;
    private static readonly string[] Columns = ["registry_a", "local_id_a", "registry_b", "local_id_b", "same_person"];

    /// <summary>One labelled pair by record keys.</summary>
    public sealed record PairLabel((string Registry, string LocalId) A, (string Registry, string LocalId) B, bool SamePerson);

    /// <summary>The labels, and the line numbers of rows that could not be read; or a file-level error.</summary>
    public static (IReadOnlyList<PairLabel>? Labels, IReadOnlyList<long> BadLines, string? Error) Read(string path)
    {
        using var stream = CanonicalCsvReader.OpenFile(path);
        var scanner = new CsvRecordScanner(stream, 0, 1, CanonicalCsvReader.MinRunawayQuoteBytes, BufferSize);
        if (!scanner.MoveNext()) return (null, [], "the file is empty");
        var headers = new string[scanner.Fields.Length];
        for (var i = 0; i < headers.Length; i++)
            headers[i] = (CsvFieldText.Decode(scanner.RecordBytes, scanner.Fields[i]) ?? "").TrimStart('\uFEFF').Trim();
        var at = Columns.Select(c => Array.FindIndex(headers, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (at.Any(i => i < 0)) return (null, [], $"the header needs {string.Join(", ", Columns)}");

        var labels = new List<PairLabel>();
        var bad = new List<long>();
        while (scanner.MoveNext())
        {
            var fields = scanner.Fields;
            string?[] values = [];
            try
            {
                if (scanner.Problem == CsvRecordProblem.None && fields.Length == headers.Length)
                {
                    values = new string?[at.Length];
                    for (var c = 0; c < at.Length; c++) values[c] = CsvFieldText.Decode(scanner.RecordBytes, fields[at[c]]);
                }
            }
            catch (ArgumentException)
            {
                values = []; // not UTF-8
            }
            if (values.Length == 0 || values.Any(v => v is null) || Verdict(values[4]!) is not { } same)
            {
                bad.Add(scanner.LineNumber);
                continue;
            }
            labels.Add(new PairLabel((values[0]!, values[1]!), (values[2]!, values[3]!), same));
        }
        return (labels, bad, null);
    }

    private static bool? Verdict(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "same_person" or "merge_persons" => true,
        "false" or "0" or "no" or "different_person" or "unlink" or "unmerge" => false,
        _ => null,
    };
}
