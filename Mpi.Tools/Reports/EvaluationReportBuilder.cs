using Mpi.Matching.Deduplication;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Tools.Reports;

/// <summary>Computes an <see cref="EvaluationReport"/> from a deduplication run that kept its scored pairs, and the truth.</summary>
internal static class EvaluationReportBuilder
{
    /// <summary>How many false merges and how many missed links the report lists.</summary>
    public const int DefaultShownPairs = 20;

    /// <param name="truthOf">Record i's true person.</param>
    /// <param name="predictedOf">Record i's predicted person.</param>
    public static EvaluationReport Build(
        IReadOnlyList<NormalizedRecord> records, IReadOnlyList<string> truthOf, IReadOnlyList<string> predictedOf,
        DeduplicationResult result, MatchModel model, PairwiseEvaluation evaluation, double reviewShare, bool showPhi,
        int shownPairs = DefaultShownPairs)
    {
        var scoredPairs = result.ScoredPairs ?? throw new ArgumentException("the run did not keep its scored pairs", nameof(result));
        var labelled = scoredPairs.Select(p => (p.Probability, truthOf[p.First] == truthOf[p.Second])).ToArray();
        var totalTruePairs = evaluation.TruePositives + evaluation.FalseNegatives;
        var (falseMerges, missedLinks) = PairMistakes.Worst(scoredPairs, truthOf, predictedOf, int.MaxValue);

        var scorer = new PairScorer(model);
        ShownPair Show(PairMistake m) => new(m, ShownRecords.Of(records[m.First], showPhi), ShownRecords.Of(records[m.Second], showPhi),
            ShownRecords.Agreement(records[m.First], records[m.Second]), scorer.Explain(records[m.First], records[m.Second]));

        var summary = new ReportSummary(
            records.Count, truthOf.Distinct().Count(), predictedOf.Distinct().Count(), scoredPairs.Count, evaluation, reviewShare,
            falseMerges.Count, missedLinks.Count);
        return new EvaluationReport(
            summary,
            ScoreHistogram.ByMatchWeight(labelled),
            PrecisionRecallByThreshold.Compute(labelled, totalTruePairs, CurveThresholds(model.Thresholds)),
            model,
            falseMerges.Take(shownPairs).Select(Show).ToArray(),
            missedLinks.Take(shownPairs).Select(Show).ToArray(),
            showPhi);
    }

    // Every hundredth, plus the model's own thresholds so the curve passes exactly through the current operating points.
    private static double[] CurveThresholds(DecisionThresholds t) =>
        Enumerable.Range(1, 99).Select(i => i / 100.0).Append(t.AutoLink).Append(t.Review).Distinct().Order().ToArray();
}
