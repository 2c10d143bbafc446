using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Settings;
using Mpi.Service.Learning;
using Mpi.Tests.Matching;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Learning;

public sealed class LearnedPairModelTests(SyntheticPopulation population, ITestOutputHelper output) : IClassFixture<SyntheticPopulation>, IDisposable
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

    [Fact]
    public void PureProbability_ExtractedCoefficients_ReproducesMlNetOnTheTrainingSet()
    {
        var (learned, vectors) = TrainOnReviewBand();

        var largest = vectors.Max(v => Math.Abs(learned.Probability(v) - learned.PureProbability(v)));
        output.WriteLine($"pairs={vectors.Length} largest |ML.NET - pure| = {largest:E2}");

        Assert.InRange(largest, 0, 1e-6);
    }

    [Fact]
    public void LearnedScorer_ModelVersionJsonRoundTrip_ReproducesMlNetOnTheTrainingSet()
    {
        var (learned, vectors) = TrainOnReviewBand();
        var summary = new LearnedTrainingSummary("test", vectors.Length, 1, 5, 0.9, 0.3, SyntheticPopulation.Now);
        var version = population.Model with { Version = "learned", Learned = learned.Rescoring(new LearnedThresholds(), summary) };

        var scorer = new LearnedScorer(MatchModelJson.Deserialize(MatchModelJson.Serialize(version)));

        Assert.All(vectors, v => Assert.InRange(Math.Abs(learned.Probability(v) - scorer.Probability(v)), 0, 1e-6));
    }

    [Fact]
    public void PureProbability_LoadedFromZip_SameAsTrained()
    {
        var (learned, vectors) = TrainOnReviewBand();
        learned.Save(_path);

        var loaded = LearnedPairModel.Load(_path, population.Model);

        Assert.All(vectors, v => Assert.Equal(learned.PureProbability(v), loaded.PureProbability(v)));
    }

    [Fact]
    public void LearnedScorer_FromRecords_SameAsFromTheirVector()
    {
        var (learned, vectors) = TrainOnReviewBand();
        var version = population.Model with { Learned = learned.Rescoring(new LearnedThresholds(), null) };
        var scorer = new LearnedScorer(version);

        Assert.All(vectors.Take(200), v => Assert.Equal(scorer.Probability(v),
            scorer.Probability(population.Scorer, population.Records[v.First], population.Records[v.Second])));
    }

    [Fact]
    public void LearnedScorer_FromRecords_AllocatesNothing()
    {
        var (learned, vectors) = TrainOnReviewBand();
        var scorer = new LearnedScorer(population.Model with { Learned = learned.Rescoring(new LearnedThresholds(), null) });
        var (a, b) = (population.Records[vectors[0].First], population.Records[vectors[0].Second]);
        scorer.Probability(population.Scorer, a, b);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) scorer.Probability(population.Scorer, a, b);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private (LearnedPairModel Learned, ComparisonVector[] Vectors) TrainOnReviewBand()
    {
        var vectors = CandidateVectors.Score(population.Records, population.Model).Where(v => v.Band == ThresholdBand.Review).ToArray();
        var labelled = vectors.Select(v => new LabelledComparisonVector(v, population.Truth[v.First] == population.Truth[v.Second])).ToArray();
        return (new ReviewLearner(population.Model).Train(labelled), vectors);
    }
}
