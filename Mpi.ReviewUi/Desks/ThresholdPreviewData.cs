namespace Mpi.ReviewUi.Desks;

/// <summary>
/// Recent best-candidate probabilities, resolved review tasks as (probability, reviewer said same person), and the
/// auto-link band's false-merge rate estimated from quality checks (null before any was answered).
/// </summary>
public sealed record ThresholdPreviewData(IReadOnlyList<double> RecentScores, IReadOnlyList<ReviewedScore> Reviewed,
    FalseMergeFigure? FalseMerges = null);

/// <summary>Quality checks answered, rejected, the estimated false-merge rate and its 95% interval.</summary>
public sealed record FalseMergeFigure(int Checked, int Rejected, double Rate, double Low, double High);

public sealed record ReviewedScore(double Probability, bool SamePerson);
