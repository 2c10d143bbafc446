using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Settings;

public class MatchModelJsonTests(SyntheticPopulation population) : IClassFixture<SyntheticPopulation>
{
    [Fact]
    public void Serialize_TrainedModel_RoundTripsAndIsReadable()
    {
        var json = MatchModelJson.Serialize(population.Model);
        var back = MatchModelJson.Deserialize(json);

        Assert.Equal(json, MatchModelJson.Serialize(back));
        Assert.Contains("\"comparisons\"", json);
        Assert.Contains("\"match_prior\"", json);
        Assert.Contains("\"auto_link\"", json);
        Assert.Contains("\"label\": \"nickname\"", json);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"format_version\": 99}")]
    public void Deserialize_NotAModel_ThrowsWithTheReason(string json) =>
        Assert.Throws<InvalidDataException>(() => MatchModelJson.Deserialize(json));

    [Fact]
    public void PairScorer_ModelWithRenamedLevel_IsRejected()
    {
        var given = population.Model.Comparisons[0];
        var renamed = given with { Levels = given.Levels.SetItem(1, given.Levels[1] with { Label = "identical" }) };
        var model = population.Model with { Comparisons = population.Model.Comparisons.SetItem(0, renamed) };
        var error = Assert.Throws<InvalidDataException>(() => new Mpi.Matching.Scoring.PairScorer(model));
        Assert.Contains("identical", error.Message);
    }
}
