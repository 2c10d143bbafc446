using System.Globalization;
using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Settings;

namespace Mpi.Service.Learning;

/// <summary>
/// The console summary of <c>learn</c>: counts and rates only, never a record key or a value, so it can be pasted
/// into a ticket.
/// </summary>
internal static class LearnReport
{
    public static void Write(TextWriter stdout, LearningOutcome outcome, string destination)
    {
        var (model, labelled, validation, onLabels, candidates, decisions) =
            (outcome.Model, outcome.Labelled, outcome.Validation, outcome.OnLabels, outcome.Candidates.Count, outcome.Decisions);
        var same = labelled.Count(l => l.SamePerson);
        stdout.WriteLine(I($"labelled={labelled.Count} same_person={same} different_people={labelled.Count - same} model={model.Version}"));
        stdout.WriteLine(I($"cross_validation folds={validation.Folds} auc={validation.AreaUnderRocCurve:F4} log_loss={validation.LogLoss:F4} accuracy={validation.Accuracy:F4}"));
        stdout.WriteLine(I($"labelled pairs, out of fold, at the current thresholds: before {Figures(onLabels.Before)} | after {Figures(onLabels.After)} ") +
            I($"| true_pairs_sent_to_new={onLabels.TrueMatchesRejected} false_pairs_linked={onLabels.FalseMatchesLinked}"));
        var reviewBefore = decisions.Count(d => d.FellegiSunterBand == ThresholdBand.Review);
        var reviewAfter = decisions.Count(d => d.Band == ThresholdBand.Review);
        stdout.WriteLine(I($"candidate pairs at or above review={candidates}: review_band before={reviewBefore} after={reviewAfter} ") +
            I($"would_change={decisions.Count(d => d.Moved)} to_auto_link={decisions.Count(d => d.Moved && d.Band == ThresholdBand.AutoLink)} ") +
            I($"to_new={decisions.Count(d => d.Moved && d.Band == ThresholdBand.NonMatch)}"));
        stdout.WriteLine(destination);
    }

    private static string Figures(BandFigures f) => I($"P={f.Precision:F5} R={f.Recall:F5} F1={f.F1:F5} review={f.Review}");

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
