using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Scoring;

namespace Mpi.Tests.Matching.Learning;

public sealed class StratifiedFoldsTests
{
    [Fact]
    public void Of_FewPositivesAmongManyNegatives_EveryFoldGetsBothVerdicts()
    {
        var vector = LearnedDecisionTests.Vector(ThresholdBand.Review, PairGuard.None, 0.5);
        var labelled = Enumerable.Range(0, 50).Select(i => new LabelledComparisonVector(vector, SamePerson: i % 10 == 0)).ToArray();

        var folds = StratifiedFolds.Of(labelled, 5);

        for (var f = 0; f < 5; f++)
        {
            Assert.Contains(labelled.Where((_, i) => folds[i] == f), l => l.SamePerson);
            Assert.Contains(labelled.Where((_, i) => folds[i] == f), l => !l.SamePerson);
        }
    }
}
