using System.Globalization;
using Mpi.Matching.Decisions;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Records;
using Mpi.Service.Csv;

namespace Mpi.Service.Cli;

/// <summary>
/// Writes a batch result: <c>registry,local_id,person_id,decision,score</c>, one row per input record (dedupe,
/// evaluate, load). The file is for people as much as for the scorer, so the keys the registries sent are written
/// spreadsheet-safe (<see cref="SpreadsheetText"/>); the ids, decisions and scores are the program's own.
/// </summary>
internal static class ClustersCsv
{
    public static void Write(string path, IReadOnlyList<NormalizedRecord> records, DeduplicationResult result)
    {
        using var csv = Create(path);
        for (var i = 0; i < records.Count; i++)
        {
            var a = result.Assignments[i];
            WriteRow(csv, records[i].Registry, records[i].LocalId, PersonId(a.Cluster), a.Decision.ToWire(), Score(a.Score));
        }
    }

    /// <summary>Creates (or overwrites) the file and writes the header.</summary>
    public static CsvWriter Create(string path)
    {
        var csv = CsvWriter.Create(path);
        csv.WriteRow("registry", "local_id", "person_id", "decision", "score");
        return csv;
    }

    public static void WriteRow(CsvWriter csv, string registry, string localId, string personId, string decision, string score) =>
        csv.WriteRow(SpreadsheetText.Inert(registry), SpreadsheetText.Inert(localId), personId, decision, score);

    public static string Score(double score) => score.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A batch person id: stable for the same input and model (the cluster's first record, counted from 1).</summary>
    public static string PersonId(int cluster) => $"P{cluster + 1:D7}";
}
