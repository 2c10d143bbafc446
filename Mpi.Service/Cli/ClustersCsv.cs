using System.Globalization;
using Mpi.Matching.Decisions;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Records;
using Mpi.Service.Csv;

namespace Mpi.Service.Cli;

/// <summary>Writes a batch result: <c>registry,local_id,person_id,decision,score</c>, one row per input record.</summary>
internal static class ClustersCsv
{
    public static void Write(string path, IReadOnlyList<NormalizedRecord> records, DeduplicationResult result)
    {
        using var csv = CsvWriter.Create(path);
        csv.WriteRow("registry", "local_id", "person_id", "decision", "score");
        for (var i = 0; i < records.Count; i++)
        {
            var a = result.Assignments[i];
            csv.WriteRow(records[i].Registry, records[i].LocalId, PersonId(a.Cluster), a.Decision.ToWire(),
                a.Score.ToString("0.######", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A batch person id: stable for the same input and model (the cluster's first record, counted from 1).</summary>
    public static string PersonId(int cluster) => $"P{cluster + 1:D7}";
}
