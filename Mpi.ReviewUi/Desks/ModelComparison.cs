namespace Mpi.ReviewUi.Desks;

/// <summary>A stored model version beside the active one: level weights, training, and how review pairs would score.</summary>
public sealed record ModelComparison(ModelSummary Current, ModelSummary Candidate, string? CandidateTraining, IReadOnlyList<LevelWeights> Levels,
    IReadOnlyList<RescoredPair> Pairs);

/// <summary>One comparison level's match weight (log2 m/u) under each model; null where a model lacks the level.</summary>
public sealed record LevelWeights(string Comparison, string Level, double? Current, double? Candidate);

/// <summary>A review task's pair scored under each model, with the band each model's thresholds put it in.</summary>
/// <param name="Resolution">The reviewer's answer, when there is one.</param>
public sealed record RescoredPair(long TaskId, double Current, double Candidate, string CurrentBand, string CandidateBand, ReviewAnswer? Resolution);
