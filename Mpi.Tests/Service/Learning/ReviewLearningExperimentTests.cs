using System.Globalization;
using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Service.Learning;
using Mpi.Tests.Matching;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Learning;

/// <summary>
/// Issue 5's acceptance experiment. The project's synthetic population (twins, fathers and sons, namesakes,
/// nicknames, married names) is scored by the model EM trained without labels; its records are split in arrival
/// order into the first three quarters, whose first review tasks an oracle (the generator's truth) resolves, and a last
/// quarter the learner never sees. The learned model must shrink the last quarter's review band by at least 30% without losing
/// precision.
/// </summary>
public sealed class ReviewLearningExperimentTests(ReviewLearningPopulation fixture, ITestOutputHelper output)
    : IClassFixture<ReviewLearningPopulation>
{
    /// <summary>How many review tasks the oracle resolves: a few days of one reviewer's work.</summary>
    private const int LabelledTasks = 500;

    private readonly SyntheticPopulation population = fixture.Population;

    [Fact]
    public void Learn_OracleResolvesFirstReviewTasks_ShrinksHeldOutReviewBandAtEqualPrecision()
    {
        var split = population.Records.Length * 3 / 4;
        var (learnRecords, learnTruth) = (population.Records[..split], population.Truth[..split]);
        var (heldOutRecords, heldOutTruth) = (population.Records[split..], population.Truth[split..]);

        var labelled = CandidateVectors.Score(learnRecords, population.Model)
            .Where(v => v.Band == ThresholdBand.Review).Take(LabelledTasks)
            .Select(v => new LabelledComparisonVector(v, learnTruth[v.First] == learnTruth[v.Second])).ToArray();
        var learned = new ReviewLearner(population.Model).Train(labelled);

        var heldOut = CandidateVectors.Score(heldOutRecords, population.Model);
        var decisions = heldOut.Select(v => learned.Decide(v, new LearnedThresholds())).ToArray();
        var truth = heldOut.Select(v => heldOutTruth[v.First] == heldOutTruth[v.Second]).ToArray();
        var comparison = BandComparison.Of(decisions, truth, TruePairs(heldOutTruth));

        output.WriteLine(Invariant($"labelled review tasks: {labelled.Length} ({labelled.Count(l => l.SamePerson)} same person)"));
        output.WriteLine(Invariant($"held-out records: {heldOutRecords.Length}, candidate pairs at or above review: {heldOut.Count}, moved: {comparison.Moved}, true pairs sent to new: {comparison.TrueMatchesRejected}, false pairs linked: {comparison.FalseMatchesLinked}"));
        Print("before (Fellegi–Sunter)", comparison.Before);
        Print("after (learned)", comparison.After);
        output.WriteLine(Invariant($"review band reduction: {comparison.ReviewReduction:P1}"));

        Assert.True(comparison.Before.Review >= 100, $"too few held-out review pairs to judge ({comparison.Before.Review})");
        Assert.True(comparison.ReviewReduction >= 0.30, Invariant($"review band {comparison.Before.Review} → {comparison.After.Review}"));
        Assert.True(comparison.After.Precision >= comparison.Before.Precision,
            Invariant($"precision {comparison.Before.Precision:F5} → {comparison.After.Precision:F5}"));
        Assert.True(comparison.After.Recall >= comparison.Before.Recall, "moving pairs out of review must not lose links");
        Assert.Equal(0, comparison.FalseMatchesLinked);
        Assert.True(comparison.TrueMatchesRejected <= comparison.Moved / 50, $"{comparison.TrueMatchesRejected} true pairs sent to new");
    }

    private void Print(string label, BandFigures f) => output.WriteLine(Invariant(
        $"{label}: review={f.Review} linked={f.Linked} P={f.Precision:F5} R={f.Recall:F5} F1={f.F1:F5}"));

    private static long TruePairs(string[] truth) => truth.GroupBy(t => t).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
