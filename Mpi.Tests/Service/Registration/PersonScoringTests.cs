using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Matching;

namespace Mpi.Tests.Service.Registration;

/// <summary>
/// Scoring reads its candidates' memory several places ahead of the one it scores (<see cref="CachePrefetch"/>):
/// whatever the number of candidates, every one is scored, once, exactly as the scorer scores the pair alone.
/// </summary>
public class PersonScoringTests
{
    private static readonly ActiveModel Model = new(ActiveModel.Default());
    private static readonly RecordNormalizer Normalizer = new(TimeProvider.System);

    private static readonly string[] Given = ["Ada", "Adah", "Grace", "Alan", "Edsger", "Barbara", "Ida", "Ana", "Margaret", "Adam"];
    private static readonly string[] Family = ["Lovelace", "Lovelac", "Hopper", "Turing", "Dijkstra", "Liskov", "Lovelace-King"];

    private static NormalizedRecord Record(int i) => Normalizer.Normalize(new PatientRecord("NORTH", $"R{i}")
    {
        GivenName = Given[i % Given.Length], FamilyName = Family[i % Family.Length], BirthDate = $"18{15 + i % 3}-12-{10 + i % 5}",
        Sex = i % 4 == 0 ? "M" : "F", PostalCode = $"{2000 + i % 3}", NationalId = $"4019273{60 + i % 7}", Phone = i % 2 == 0 ? $"0412 555 0{10 + i}" : null,
        Email = i % 3 == 0 ? $"ada{i}@example.org" : null, AddressLine = $"{i} Analytical Engine Way",
    }).Record;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(31)]
    public void ByPerson_AnyNumberOfCandidates_ScoresEachAsThePairAlone(int count)
    {
        var query = Normalizer.Normalize(new PatientRecord("SOUTH", "Q")
        {
            GivenName = "Ada", FamilyName = "Lovelace", BirthDate = "1815-12-10", Sex = "F", PostalCode = "2000", NationalId = "401927360",
        }).Record;
        var candidates = Enumerable.Range(0, count).Select(i => new StoredCandidate(i + 1, 1, $"P{i}", Record(i))).ToList();

        var persons = PersonScoring.ByPerson(query, candidates, Model);

        Assert.Equal(candidates.Select(c => c.PersonId).Order(), persons.Keys.Order());
        foreach (var candidate in candidates)
        {
            var alone = Model.Rules.FirstMatch(query, candidate.Record) is null ? Model.Scorer.Score(query, candidate.Record).Probability : 1.0;
            Assert.Equal(alone, persons[candidate.PersonId].Candidate.Probability);
            Assert.Same(candidate, persons[candidate.PersonId].Stored);
        }
    }

    [Fact]
    public void Prefetch_NullEmptyLongAndMissingValues_NeverThrows()
    {
        var thrown = Xunit.Record.Exception(() =>
        {
            CachePrefetch.Line(null);
            CachePrefetch.Text("");
            CachePrefetch.Text(new string('A', 10_000), maxLines: 200);
            CachePrefetch.Values(new NormalizedRecord { Registry = "NORTH", LocalId = "empty" });
            CachePrefetch.Values(Record(4));
        });

        Assert.Null(thrown);
    }
}
