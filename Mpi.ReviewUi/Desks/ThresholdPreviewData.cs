namespace Mpi.ReviewUi.Desks;

/// <summary>
/// Recent registrations' decisions (enough to decide each again under other thresholds), resolved review tasks as
/// (probability, reviewer said same person), the tasks open in the queue now, and the auto-link band's false-merge rate
/// estimated from quality checks (null before any was answered).
/// </summary>
public sealed record ThresholdPreviewData(IReadOnlyList<RecentDecision> Recent, IReadOnlyList<ReviewedScore> Reviewed, int OpenTasks = 0,
    FalseMergeFigure? FalseMerges = null);

/// <summary>
/// One registration's decision as the preview replays it: the best candidate's probability and what else decided —
/// a rule, a guard that holds the pair at review, a rival candidate, the learned re-scorer's verdict on a review-band
/// pair, whether a link of it opens a merge question or a quality check, and whether it linked past a rival because the
/// persons it matched cohere (bridged: merged at once or asked about).
/// </summary>
public sealed record RecentDecision(double Probability, bool Rule = false, bool Guarded = false, bool Ambiguous = false, LearnedVerdict Learned = LearnedVerdict.None,
    bool MergeQuestion = false, bool QualitySampled = false, bool Bridged = false);

/// <summary>What the learned re-scorer made of a review-band pair, when it moved it.</summary>
public enum LearnedVerdict { None, Link, New }

/// <summary>Quality checks answered, rejected, the estimated false-merge rate and its 95% interval.</summary>
public sealed record FalseMergeFigure(int Checked, int Rejected, double Rate, double Low, double High);

public sealed record ReviewedScore(double Probability, bool SamePerson);
