namespace Mpi.ReviewUi.Desks;

/// <summary>Recent best-candidate probabilities, and resolved review tasks as (probability, reviewer said same person).</summary>
public sealed record ThresholdPreviewData(IReadOnlyList<double> RecentScores, IReadOnlyList<ReviewedScore> Reviewed);

public sealed record ReviewedScore(double Probability, bool SamePerson);
