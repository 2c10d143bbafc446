using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Service.Learning;
using Mpi.Tests.Matching;

namespace Mpi.Tests.Service.Learning;

public sealed class LearnedPairModelTests(SyntheticPopulation population) : IClassFixture<SyntheticPopulation>, IDisposable
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("mpi-learned-").FullName, "learned.zip");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void Load_SavedUnderSameModel_GivesTheSameProbabilities()
    {
        var (learned, vectors) = TrainOnReviewBand();
        learned.Save(_path);

        var loaded = LearnedPairModel.Load(_path, population.Model);

        Assert.All(vectors, v => Assert.Equal(learned.Probability(v), loaded.Probability(v), 6));
    }

    [Fact]
    public void Load_UnderAnotherMatchModel_IsRefused()
    {
        TrainOnReviewBand().Learned.Save(_path);
        var other = population.Model with { Version = "another" };

        var error = Assert.Throws<InvalidDataException>(() => LearnedPairModel.Load(_path, other));
        Assert.Contains(population.Model.Version, error.Message);
    }

    [Fact]
    public void Probability_VectorOfAnotherModel_Throws()
    {
        var (learned, vectors) = TrainOnReviewBand();
        Assert.Throws<ArgumentException>(() => learned.Probability(vectors[0] with { ModelVersion = "another" }));
    }

    private (LearnedPairModel Learned, ComparisonVector[] Vectors) TrainOnReviewBand()
    {
        var vectors = CandidateVectors.Score(population.Records, population.Model).Where(v => v.Band == ThresholdBand.Review).ToArray();
        var labelled = vectors.Select(v => new LabelledComparisonVector(v, population.Truth[v.First] == population.Truth[v.Second])).ToArray();
        return (new ReviewLearner(population.Model).Train(labelled), vectors);
    }
}
