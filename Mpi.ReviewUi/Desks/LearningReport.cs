namespace Mpi.ReviewUi.Desks;

/// <summary>
/// What "Learn from reviews" found, in counts and rates only (no patient data): the verdicts it learned from, its
/// cross-validation, the labelled pairs decided out of fold before and after at the current thresholds, and how many
/// candidate pairs of the stored records (the newest <paramref name="RecordsScanned"/>) would change decision.
/// <paramref name="StoredVersion"/> is the inactive
/// version it stored; with <paramref name="Problem"/> set nothing was learned or stored.
/// </summary>
public sealed record LearningReport(string? StoredVersion, string? Problem, string BaseVersion, int Labelled, int SamePerson, int Folds,
    double Auc, double LogLoss, double Accuracy, LabelFigures Before, LabelFigures After, long TruePairsSentToNew, long FalsePairsLinked,
    int CandidatePairs, int ReviewBefore, int ReviewAfter, int WouldChange, int ToAutoLink, int ToNew, int RecordsScanned)
{
    /// <summary>A refusal: nothing learned, nothing stored.</summary>
    public static LearningReport Refused(string baseVersion, string problem) =>
        new(null, problem, baseVersion, 0, 0, 0, 0, 0, 0, LabelFigures.None, LabelFigures.None, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>Precision, recall and F1 of the linked labelled pairs, and how many stayed in review.</summary>
public sealed record LabelFigures(double Precision, double Recall, double F1, long Review)
{
    public static readonly LabelFigures None = new(0, 0, 0, 0);
}
