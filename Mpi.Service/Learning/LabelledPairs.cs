using Mpi.Matching.Learning;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Service.Learning;

/// <summary>Verdicts on pairs of record keys as labelled comparison vectors of a batch's records under a model.</summary>
public static class LabelledPairs
{
    /// <summary>The labelled vectors, and how many verdicts named a record not in the batch (or a record with itself).</summary>
    public static (List<LabelledComparisonVector> Labelled, int Unknown) Of(IReadOnlyList<PairLabelsCsv.PairLabel> labels,
        IReadOnlyList<NormalizedRecord> records, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(records);
        var index = new Dictionary<(string, string), int>();
        for (var i = 0; i < records.Count; i++) index.TryAdd((records[i].Registry, records[i].LocalId), i);
        var scorer = new PairScorer(model);
        var result = new List<LabelledComparisonVector>();
        var unknown = 0;
        foreach (var label in labels)
        {
            if (!index.TryGetValue(label.A, out var a) || !index.TryGetValue(label.B, out var b) || a == b)
            {
                unknown++;
                continue;
            }
            result.Add(new LabelledComparisonVector(CandidateVectors.Pair(records, model, scorer, Math.Min(a, b), Math.Max(a, b)), label.SamePerson));
        }
        return (result, unknown);
    }
}
