using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Matching;

namespace Mpi.Tests.Service.Registration;

public class RecordDirectoryTests
{
    private static readonly ActiveModel Model = new(ActiveModel.Default());
    private static readonly RecordNormalizer Normalizer = new(TimeProvider.System);

    private static IndexedRecord Indexed(long id, int version, string person, PatientRecord patient, long producedBy, long updatedAt = 0)
    {
        var normalized = Normalizer.Normalize(patient);
        return new IndexedRecord(id, version, person, normalized.Record, GoldenValues.From(normalized.Receipts), updatedAt, producedBy);
    }

    private static PatientRecord Ada(string localId = "A1") => new("NORTH", localId)
    {
        GivenName = "Ada", FamilyName = "Lovelace", BirthDate = "1815-12-10", Sex = "F", PostalCode = "2000", NationalId = "401927365",
    };

    private static PatientRecord Grace(string localId = "G1") => new("NORTH", localId)
    {
        GivenName = "Grace", FamilyName = "Hopper", BirthDate = "1906-12-09", Sex = "F", PostalCode = "3000", NationalId = "402875113",
    };

    private static List<StoredCandidate> Search(RecordDirectory directory, PatientRecord query)
    {
        var keys = DirectoryBlockingKeys.Of(Normalizer.Normalize(query).Record, Model.BlockingRules).Select(k => (k.Key, 500)).ToArray();
        return directory.Find(keys, Model.BlockingRules);
    }

    [Fact]
    public void Find_ARecordSharingKeys_IsFoundOnceWithItsPerson()
    {
        var directory = new RecordDirectory();
        directory.Apply([Indexed(1, 1, "P1", Ada(), 1), Indexed(2, 1, "P2", Grace(), 2)], upTo: 2);

        var found = Search(directory, Ada("query"));

        Assert.Equal([(1L, "P1")], found.Select(c => (c.Id, c.PersonId)));
        Assert.Equal(2, directory.Watermark);
    }

    [Fact]
    public void Apply_AnOlderStateAfterANewerOne_KeepsTheNewer()
    {
        var directory = new RecordDirectory();
        directory.Apply([Indexed(1, 1, "P1", Ada(), producedBy: 5)], upTo: 5);
        directory.Apply([Indexed(1, 1, "P9", Ada(), producedBy: 3)], upTo: 3);

        Assert.Equal("P1", Assert.Single(Search(directory, Ada("query"))).PersonId);
        Assert.Equal(5, directory.Watermark);
    }

    [Fact]
    public void Apply_RecordMovedToAnotherPerson_LeavesTheOldPersonAndJoinsTheNew()
    {
        var directory = new RecordDirectory();
        directory.Apply([Indexed(1, 1, "P1", Ada(), 1), Indexed(2, 1, "P2", Grace(), 2)], upTo: 2);

        directory.Apply([Indexed(2, 1, "P1", Grace(), 3, updatedAt: 10)], upTo: 3);

        Assert.Empty(directory.RecordsOf("P2"));
        Assert.Equal([2L, 1L], directory.RecordsOf("P1").Select(r => r.Id));
        Assert.Equal("P1", Assert.Single(Search(directory, Grace("query"))).PersonId);
    }

    [Fact]
    public void Apply_NewVersionWithOtherDemographics_IsFoundByItsNewKeysOnly()
    {
        var directory = new RecordDirectory();
        directory.Apply([Indexed(1, 1, "P1", Ada(), 1)], upTo: 1);

        directory.Apply([Indexed(1, 2, "P1", Grace("A1"), 2)], upTo: 2);

        Assert.Empty(Search(directory, Ada("query")));
        Assert.Equal(2, Assert.Single(Search(directory, Grace("query"))).Version);
        Assert.Equal(1, directory.Count);
    }

    [Fact]
    public void AddLoaded_RecordAppliedFromTheFeedMeanwhile_KeepsTheFeedsState()
    {
        var directory = new RecordDirectory();
        directory.Apply([Indexed(1, 2, "P2", Ada(), producedBy: 7)], upTo: 7);

        directory.AddLoaded([Indexed(1, 1, "P1", Ada(), producedBy: 0), Indexed(2, 1, "P3", Grace(), producedBy: 0)]);

        Assert.Equal(["P2"], Search(directory, Ada("query")).Select(c => c.PersonId));
        Assert.Equal(["P3"], Search(directory, Grace("query")).Select(c => c.PersonId));
    }

    [Fact]
    public void Find_ModelWithOtherBlockingRules_ReindexesUnderThem()
    {
        var directory = new RecordDirectory();
        directory.Apply([Indexed(1, 1, "P1", Ada(), 1)], upTo: 1);
        var idOnly = new ActiveModel(ActiveModel.Default() with
        {
            Blocking = ActiveModel.Default().Blocking with { Rules = ["national_id"] },
        });
        var sameIdOtherwiseDifferent = Grace("query") with { NationalId = "401927365" };

        var keys = DirectoryBlockingKeys.Of(Normalizer.Normalize(sameIdOtherwiseDifferent).Record, idOnly.BlockingRules).Select(k => (k.Key, 500)).ToArray();

        Assert.Equal([1L], directory.Find(keys, idOnly.BlockingRules).Select(c => c.Id));
        Assert.Empty(directory.Find(
            [.. DirectoryBlockingKeys.Of(Normalizer.Normalize(Ada("query") with { NationalId = "555555555" }).Record, idOnly.BlockingRules).Select(k => (k.Key, 500))],
            idOnly.BlockingRules));
    }

    [Fact]
    public void Find_BlockOverItsBound_IsSkipped()
    {
        var directory = new RecordDirectory();
        directory.Apply([.. Enumerable.Range(1, 4).Select(i => Indexed(i, 1, $"P{i}", Ada($"A{i}"), i))], upTo: 4);
        var keys = DirectoryBlockingKeys.Of(Normalizer.Normalize(Ada("query")).Record, Model.BlockingRules).Select(k => (k.Key, 3)).ToArray();

        Assert.Empty(directory.Find(keys, Model.BlockingRules));
    }
}
