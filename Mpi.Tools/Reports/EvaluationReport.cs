using Mpi.Matching.Evaluation;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Tools.Reports;

/// <summary>Everything the evaluation report shows, computed before any HTML is written.</summary>
/// <param name="Curve">Precision, recall and F1 of the candidate pairs by probability threshold.</param>
/// <param name="ShowsPhi">Whether the shown pairs carry real values (<c>--show-phi</c>) or masked ones.</param>
internal sealed record EvaluationReport(
    ReportSummary Summary,
    IReadOnlyList<HistogramBin> Histogram,
    IReadOnlyList<ThresholdPoint> Curve,
    MatchModel Model,
    IReadOnlyList<ShownPair> FalseMerges,
    IReadOnlyList<ShownPair> MissedLinks,
    bool ShowsPhi);

/// <summary>The figures at the top of the report; the same ones <c>evaluate</c> prints.</summary>
/// <param name="TruePersons">Distinct persons in the truth.</param>
/// <param name="PredictedPersons">Distinct persons the deduplication made.</param>
/// <param name="CandidatePairs">Pairs blocking put forward and the model scored (or a rule linked).</param>
/// <param name="ReviewShare">Share of records whose decision was review.</param>
internal sealed record ReportSummary(
    int Records,
    int TruePersons,
    int PredictedPersons,
    long CandidatePairs,
    PairwiseEvaluation Evaluation,
    double ReviewShare,
    long FalseMergesScored,
    long MissedLinksScored);

/// <summary>
/// A pair the clustering got wrong, as shown: both records' fields (masked or not), which fields agree (on the real
/// values) and the score's explanation.
/// </summary>
internal sealed record ShownPair(PairMistake Mistake, ShownRecord First, ShownRecord Second, IReadOnlyList<bool> SameValue, ScoreExplanation Explanation);

/// <summary>One record's fields for display, in a fixed order, already masked unless PHI was asked for.</summary>
internal sealed record ShownRecord(IReadOnlyList<KeyValuePair<string, string>> Fields);
