using CsCheck;
using Mpi.Matching.Evaluation;

namespace Mpi.Tests.Matching.Evaluation;

public sealed class PairwiseEvaluationPropertyTests
{
    private const int LabelCount = 6;

    // Up to 40 records, each with a true and a predicted cluster drawn from a few labels, so clusters collide.
    private static readonly Gen<(int Truth, int Predicted)[]> Records =
        Gen.Select(Gen.Int[0, LabelCount - 1], Gen.Int[0, LabelCount - 1]).Array[0, 40];

    private static readonly Gen<int[]> LabelPermutation = Gen.Shuffle(Enumerable.Range(0, LabelCount).ToArray());

    [Fact]
    public void Compute_SameClusteringOnBothSides_PrecisionAndRecallOne()
    {
        Records.Sample(
            records =>
            {
                var labels = records.Select(r => r.Truth).ToArray();
                var result = PairwiseEvaluation.Compute(labels, labels);
                return result.FalsePositives == 0 && result.FalseNegatives == 0
                    && result.Precision == 1.0 && result.Recall == 1.0;
            });
    }

    [Fact]
    public void Compute_PredictedClustersRenamed_SameFigures()
    {
        Gen.Select(Records, LabelPermutation).Sample(
            (records, permutation) =>
            {
                var truth = records.Select(r => r.Truth).ToArray();
                var predicted = records.Select(r => r.Predicted).ToArray();
                var renamed = predicted.Select(label => $"person-{permutation[label]}").ToArray();

                return PairwiseEvaluation.Compute(truth, predicted)
                    == PairwiseEvaluation.Compute(truth.Select(label => label.ToString()).ToArray(), renamed);
            });
    }

    [Fact]
    public void Compute_TruthAndPredictedSwapped_FalsePositivesAndNegativesSwap()
    {
        Records.Sample(
            records =>
            {
                var truth = records.Select(r => r.Truth).ToArray();
                var predicted = records.Select(r => r.Predicted).ToArray();
                var forward = PairwiseEvaluation.Compute(truth, predicted);
                var backward = PairwiseEvaluation.Compute(predicted, truth);
                return backward == new PairwiseEvaluation(forward.TruePositives, forward.FalseNegatives, forward.FalsePositives);
            });
    }

    [Fact]
    public void Compute_AnyClustering_AgreesWithListingEveryPair()
    {
        Records.Sample(
            records =>
            {
                long tp = 0, fp = 0, fn = 0;
                for (var i = 0; i < records.Length; i++)
                {
                    for (var j = i + 1; j < records.Length; j++)
                    {
                        var trulyLinked = records[i].Truth == records[j].Truth;
                        var predictedLinked = records[i].Predicted == records[j].Predicted;
                        tp += trulyLinked && predictedLinked ? 1 : 0;
                        fp += !trulyLinked && predictedLinked ? 1 : 0;
                        fn += trulyLinked && !predictedLinked ? 1 : 0;
                    }
                }

                var result = PairwiseEvaluation.Compute(
                    records.Select(r => r.Truth).ToArray(),
                    records.Select(r => r.Predicted).ToArray());
                return result == new PairwiseEvaluation(tp, fp, fn);
            });
    }
}
