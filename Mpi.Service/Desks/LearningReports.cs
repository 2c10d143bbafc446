using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Learning;

namespace Mpi.Service.Desks;

/// <summary>A round of learning as the steward page's report: the same figures <c>learn</c> prints.</summary>
internal static class LearningReports
{
    public static LearningReport Of(LearnedVersion stored)
    {
        var (o, storedVersion, recordsScanned) = (stored.Outcome, stored.Version, stored.Records);
        var moved = o.Decisions.Where(d => d.Moved).ToArray();
        return new LearningReport(storedVersion, null, o.Model.Version, o.Labelled.Count, o.Labelled.Count(l => l.SamePerson), o.Validation.Folds,
            o.Validation.AreaUnderRocCurve, o.Validation.LogLoss, o.Validation.Accuracy, Figures(o.OnLabels.Before), Figures(o.OnLabels.After),
            o.OnLabels.TrueMatchesRejected, o.OnLabels.FalseMatchesLinked, o.Candidates.Count,
            o.Decisions.Count(d => d.FellegiSunterBand == ThresholdBand.Review), o.Decisions.Count(d => d.Band == ThresholdBand.Review), moved.Length,
            moved.Count(d => d.Band == ThresholdBand.AutoLink), moved.Count(d => d.Band == ThresholdBand.NonMatch), recordsScanned);
    }

    private static LabelFigures Figures(BandFigures f) => new(f.Precision, f.Recall, f.F1, f.Review);
}
