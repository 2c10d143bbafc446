using System.Globalization;
using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Records;
using Mpi.Service.Csv;

namespace Mpi.Service.Learning;

/// <summary>
/// The pairs whose decision the learned model would change, for a steward to read before anything is activated:
/// record keys, both probabilities, both bands and the reason. Record keys identify patients, so they go to this
/// file and never to the console; they are written spreadsheet-safe (<see cref="SpreadsheetText"/>).
/// </summary>
public static class LearnedChangesCsv
{
    public static void Write(string path, IReadOnlyList<NormalizedRecord> records, IReadOnlyList<ComparisonVector> vectors,
        IReadOnlyList<LearnedDecision> decisions)
    {
        using var csv = CsvWriter.Create(path);
        csv.WriteRow("registry_a", "local_id_a", "registry_b", "local_id_b", "fellegi_sunter_probability", "learned_probability",
            "before", "after", "reason");
        for (var i = 0; i < vectors.Count; i++)
        {
            var d = decisions[i];
            if (!d.Moved) continue;
            var (a, b) = (records[vectors[i].First], records[vectors[i].Second]);
            csv.WriteRow(SpreadsheetText.Inert(a.Registry), SpreadsheetText.Inert(a.LocalId), SpreadsheetText.Inert(b.Registry),
                SpreadsheetText.Inert(b.LocalId), F(d.FellegiSunterProbability), F(d.LearnedProbability ?? double.NaN),
                Wire(d.FellegiSunterBand), Wire(d.Band), d.Reason);
        }
    }

    internal static string Wire(ThresholdBand band) => band switch
    {
        ThresholdBand.AutoLink => "auto_link",
        ThresholdBand.Review => "review",
        _ => "new",
    };

    private static string F(double p) => p.ToString("0.#####", CultureInfo.InvariantCulture);
}
