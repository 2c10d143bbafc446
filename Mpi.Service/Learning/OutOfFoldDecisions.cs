using Mpi.Matching.Learning;

namespace Mpi.Service.Learning;

/// <summary>
/// Each labelled pair decided by a learner that did not see its label (k folds, stratified by verdict: <see cref="StratifiedFolds"/>), so that
/// the before/after figures on the labels are not the learner grading its own homework.
/// </summary>
public static class OutOfFoldDecisions
{
    public static IReadOnlyList<LearnedDecision> Decide(ReviewLearner learner, IReadOnlyList<LabelledComparisonVector> labelled,
        int folds, LearnedThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var decisions = new LearnedDecision[labelled.Count];
        var foldOf = StratifiedFolds.Of(labelled, folds);
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            var model = learner.Train(labelled.Where((_, i) => foldOf[i] != f).ToArray());
            for (var i = 0; i < labelled.Count; i++)
                if (foldOf[i] == f) decisions[i] = model.Decide(labelled[i].Vector, thresholds);
        }
        return decisions;
    }
}
