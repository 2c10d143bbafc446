using Mpi.Matching.Decisions;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;

namespace Mpi.Tests.Matching.Scoring;

/// <summary>The known traps (docs/decisions.md), scored under a model trained without labels on a synthetic population.</summary>
public class PairScorerTests(SyntheticPopulation population) : IClassFixture<SyntheticPopulation>
{
    private static readonly PatientRecord Margaret = new("NORTH_HOSP", "N1")
    {
        GivenName = "Margaret", MiddleName = "Ann", FamilyName = "Thompson", BirthDate = "1961-04-23", Sex = "F",
        AddressLine = "12 Wallaby Place", City = "Delmar", State = "NSW", PostalCode = "2119", Phone = "02 9876 5432",
        NationalId = "406662512",
    };

    private ThresholdBand Band(PatientRecord a, PatientRecord b) =>
        ThresholdBands.Of(population.Scorer.Score(population.Normalize(a), population.Normalize(b)), population.Model.Thresholds);

    [Fact]
    public void Score_DuplicateWithTypos_AutoLinks() =>
        Assert.Equal(ThresholdBand.AutoLink, Band(Margaret, Margaret with
        {
            LocalId = "S9", Registry = "SOUTH_LAB", GivenName = "Margret", FamilyName = "Thomson", BirthDate = "23/04/1961",
            AddressLine = "12 Walaby Pl", NationalId = null,
        }));

    [Fact]
    public void Score_NicknameAndTransposedDate_AutoLinks() =>
        Assert.Equal(ThresholdBand.AutoLink, Band(Margaret, Margaret with { LocalId = "S9", GivenName = "Peggy", BirthDate = "1961-23-04" }));

    [Fact]
    public void Score_MarriedNameWithSameNationalId_AutoLinks() =>
        Assert.Equal(ThresholdBand.AutoLink, Band(Margaret, Margaret with
        {
            LocalId = "S9", FamilyName = "Kowalski", AddressLine = "4 Other Street", City = "Richlands", PostalCode = "4560", Phone = null,
        }));

    [Fact]
    public void Score_TwinSister_IsNotAutoLinked() =>
        Assert.NotEqual(ThresholdBand.AutoLink, Band(Margaret with { NationalId = null }, Margaret with
        {
            LocalId = "N2", GivenName = "Elizabeth", MiddleName = null, NationalId = null,
        }));

    [Fact]
    public void Score_TwinBrother_IsNotAutoLinked() =>
        Assert.NotEqual(ThresholdBand.AutoLink, Band(Margaret, Margaret with
        {
            LocalId = "N2", GivenName = "Peter", MiddleName = null, Sex = "M", NationalId = "551234987",
        }));

    [Fact]
    public void Score_FatherAndSonWithSuffixes_CannotLink()
    {
        var father = Margaret with { GivenName = "John", MiddleName = null, Sex = "M", Suffix = "Sr", BirthDate = "1950-02-11", NationalId = null };
        var son = father with { LocalId = "N2", Suffix = "Jr", BirthDate = "1950-02-11" };
        Assert.Equal(PairGuard.CannotLink, population.Scorer.Score(population.Normalize(father), population.Normalize(son)).Guard);
        Assert.Equal(ThresholdBand.NonMatch, Band(father, son));
    }

    [Fact]
    public void Score_FatherAndSonWithoutSuffixes_IsNotAutoLinked()
    {
        var father = Margaret with { GivenName = "John", MiddleName = null, Sex = "M", BirthDate = "1950-02-11", NationalId = null };
        Assert.NotEqual(ThresholdBand.AutoLink, Band(father, father with { LocalId = "N2", BirthDate = "1978-09-30" }));
    }

    [Fact]
    public void Score_NamesakeBornTheSameDayElsewhere_IsNotAutoLinked() =>
        Assert.NotEqual(ThresholdBand.AutoLink, Band(Margaret with { NationalId = null }, Margaret with
        {
            LocalId = "N2", MiddleName = null, AddressLine = "7 Banksia Street", City = "Richlands", PostalCode = "4560",
            Phone = "07 3111 2222", NationalId = null,
        }));

    [Fact]
    public void Score_HouseholdMember_IsNotAutoLinked() =>
        Assert.NotEqual(ThresholdBand.AutoLink, Band(Margaret, Margaret with
        {
            LocalId = "N2", GivenName = "Peter", MiddleName = "John", Sex = "M", BirthDate = "1958-10-02", NationalId = null,
        }));

    [Fact]
    public void Score_StrangersSharingAPlaceholderId_AreNotLinked()
    {
        var a = Margaret with { NationalId = "999999999" };
        var b = new PatientRecord("SOUTH_LAB", "S7")
        {
            GivenName = "William", FamilyName = "Nguyen", BirthDate = "1990-11-02", Sex = "M", PostalCode = "4560", NationalId = "999-99-9999",
        };
        Assert.Equal(ThresholdBand.NonMatch, Band(a, b));
    }

    [Fact]
    public void Score_AnyPair_IsSymmetric()
    {
        var records = population.Records;
        for (var i = 0; i + 1 < 2_000; i += 2)
        {
            var ab = population.Scorer.Score(records[i], records[i + 1]);
            var ba = population.Scorer.Score(records[i + 1], records[i]);
            Assert.Equal(ab.MatchWeight, ba.MatchWeight, 9);
            Assert.Equal(ab.Guard, ba.Guard);
        }
    }

    [Fact]
    public void Score_HotPath_AllocatesNothing()
    {
        var a = population.Normalize(Margaret);
        var b = population.Normalize(Margaret with { GivenName = "Margret", BirthDate = "1961-04-28" });
        population.Scorer.Score(a, b);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) population.Scorer.Score(a, b);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Explain_EveryComparison_HasItsLevelAndWeightSummingToTheScore()
    {
        var explanation = population.Scorer.Explain(population.Normalize(Margaret), population.Normalize(Margaret with { GivenName = "Peggy" }));
        Assert.Equal(population.Model.Comparisons.Length, explanation.Comparisons.Length);
        Assert.Equal(explanation.MatchWeight, explanation.PriorWeight + explanation.Comparisons.Sum(c => c.Weight), 9);
        Assert.Equal("nickname", explanation.Comparisons.Single(c => c.Comparison == "given_name").Label);
    }
}
