using System.Collections.Concurrent;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Csv;
using Mpi.Service.Matching;

namespace Mpi.Service.Cli;

/// <summary>
/// Reads a canonical CSV file and normalises its rows (in parallel, in input order), their repeated values (names,
/// dates, places) shared between records as the service's record directory shares them: fewer objects for the
/// collector to carry and for the scorer to fetch. Rows that cannot be read are reported on <c>errors</c> with
/// their line numbers and left out; every other row goes through.
/// </summary>
internal static class RecordLoader
{
    private const int BatchSize = 8192;

    /// <summary>The batch, or null after a file-level error (already reported).</summary>
    public static BatchInput? Load(FileInfo input, string? map, TextWriter errors, TimeProvider time)
    {
        var columnMap = ColumnMap.Parse(map);
        if (!columnMap.Succeeded)
        {
            errors.WriteLine($"--map: {columnMap.Error}");
            return null;
        }
        if (!input.Exists)
        {
            errors.WriteLine($"{input.FullName}: no such file");
            return null;
        }
        var opened = CanonicalCsvReader.Open(input.FullName, CsvReadOptions.Default with { ColumnMap = columnMap.Map });
        if (!opened.Succeeded)
        {
            errors.WriteLine($"{input.Name}: {opened.Error}");
            return null;
        }
        var rows = opened.Rows!;
        var normalizer = new RecordNormalizer(time);
        var records = new List<NormalizedRecord>();
        var shared = new SharedStrings();
        var setAside = new ConcurrentDictionary<string, int>();
        var rejected = 0;
        ConsoleProgress.Run($"Reading {input.Name}", rows.TotalBytes, report =>
        {
            var batch = new List<PatientRecord>(BatchSize);
            foreach (var row in rows)
            {
                if (!row.Succeeded)
                {
                    errors.WriteLine(row.Error);
                    rejected++;
                    continue;
                }
                batch.Add(row.Record);
                if (batch.Count < BatchSize) continue;
                Normalise(batch, normalizer, shared, records, setAside);
                report(rows.BytesConsumed);
            }
            Normalise(batch, normalizer, shared, records, setAside);
            return records.Count;
        });
        return new BatchInput(records, rejected, setAside);
    }

    /// <summary>
    /// The kind of a set-aside reason without the value it quotes ("impossible date 1985-02-30" → "impossible date"):
    /// the summary goes to the console, and values are demographics.
    /// </summary>
    internal static string ReasonKind(string? reason) =>
        string.Join(' ', (reason ?? "").Split(' ').TakeWhile(w => !w.Any(c => char.IsDigit(c) || c is '\'' or '"')));

    private static void Normalise(List<PatientRecord> batch, RecordNormalizer normalizer, SharedStrings shared, List<NormalizedRecord> into,
        ConcurrentDictionary<string, int> setAside)
    {
        var output = new NormalizedRecord[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var result = normalizer.Normalize(batch[i], ReceiptDetail.SetAsideOnly);
            output[i] = result.Record.WithSharedValues(shared.Share);
            foreach (var receipt in result.Receipts)
                if (receipt.Outcome == FieldOutcome.SetAside)
                    setAside.AddOrUpdate($"{receipt.Field}: {ReasonKind(receipt.Reason)}", 1, (_, n) => n + 1);
        });
        into.AddRange(output);
        batch.Clear();
    }
}
