using Mpi.Matching.Blocking;

namespace Mpi.Tests.Matching.Blocking;

public class BlockIndexTests
{
    [Fact]
    public void LaterCandidates_RecordsSharingSeveralKeys_AreListedOnce()
    {
        var records = new[]
        {
            Some.Patient(), Some.Patient(given: "MARGRET"), Some.Patient(given: "PETER", birth: "1950-01-01", nationalId: "", phone: ""),
        };
        var index = new BlockIndex(records, BlockingRuleCatalog.All, 500);
        var candidates = new List<int>();

        index.LaterCandidates(0, new int[records.Length], candidates);

        Assert.Equal([1, 2], candidates.Order());
    }

    [Fact]
    public void LaterCandidates_OnlyLaterRecords_SoEachPairIsScoredOnce()
    {
        var records = Enumerable.Range(0, 5).Select(_ => Some.Patient()).ToArray();
        var index = new BlockIndex(records, BlockingRuleCatalog.All, 500);
        Assert.Equal(10, index.CountPairs());
    }

    [Fact]
    public void New_BlockOverTheBound_IsSkippedAndCounted()
    {
        var records = Enumerable.Range(0, 30).Select(i => Some.Patient(given: $"G{i}", family: $"F{i}", address: $"{i} ST",
            postal: $"{1000 + i}", phone: $"02{i:D8}", nationalId: $"{100000 + i * 7919}")).ToArray();
        var index = new BlockIndex(records, [BlockingRuleCatalog.Get("birth_date")], maxBlockSize: 10);

        Assert.Equal(1, index.OversizedBlocks);
        Assert.Equal(0, index.CountPairs());
    }

    [Fact]
    public void Key_MissingField_GivesNoKey()
    {
        var rule = BlockingRuleCatalog.Get("national_id");
        Assert.Equal(0UL, rule.Key(Some.Patient(nationalId: ""), 0));
        Assert.NotEqual(0UL, rule.Key(Some.Patient(), 0));
    }

    [Fact]
    public void Key_OneKeyingErrorInTheId_StillSharesOneThirdRule()
    {
        var a = Some.Patient(nationalId: "406662512");
        var b = Some.Patient(nationalId: "406692512");
        var shared = BlockingRuleCatalog.All.Select((rule, ordinal) => (rule, ordinal))
            .Where(x => x.rule.Name.StartsWith("national_id_without", StringComparison.Ordinal))
            .Count(x => x.rule.Key(a, x.ordinal) == x.rule.Key(b, x.ordinal));
        Assert.Equal(1, shared);
    }
}
