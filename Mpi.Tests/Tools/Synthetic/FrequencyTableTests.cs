using Mpi.Tools.Synthetic;
using Mpi.Tests.Service.Csv;

namespace Mpi.Tests.Tools.Synthetic;

public sealed class FrequencyTableTests
{
    [Fact]
    public void Sample_ManyDraws_FollowsTheWeights()
    {
        var table = new FrequencyTable([("rare", 1), ("some", 3), ("common", 6), ("zero-ish", 90)]);
        var random = new Random(7);
        const int draws = 200_000;

        var counts = Enumerable.Range(0, draws).Select(_ => table.Sample(random)).CountBy(value => value).ToDictionary();

        Assert.InRange(counts["rare"] / (double)draws, 0.008, 0.012);
        Assert.InRange(counts["some"] / (double)draws, 0.027, 0.033);
        Assert.InRange(counts["common"] / (double)draws, 0.056, 0.064);
        Assert.InRange(counts["zero-ish"] / (double)draws, 0.89, 0.91);
    }

    [Fact]
    public void Sample_SameSeed_SameSequence()
    {
        var table = SomeFrequencyTables.Create().Surnames;
        var first = new Random(3);
        var second = new Random(3);

        Assert.Equal(
            Enumerable.Range(0, 100).Select(_ => table.Sample(first)),
            Enumerable.Range(0, 100).Select(_ => table.Sample(second)));
    }

    [Fact]
    public void Sample_SingleValue_AlwaysReturnsIt()
    {
        var table = new FrequencyTable([("only", 5)]);

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal("only", table.Sample(new Random(1))));
        Assert.Equal(5, table.TotalWeight);
    }

    [Fact]
    public void Constructor_NonPositiveWeightOrNoValues_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyTable([("a", 0)]));
        Assert.Throws<ArgumentException>(() => new FrequencyTable([]));
    }

    [Fact]
    public void Load_FebrlFile_ReadsValuesAndWeightsAndSkipsAHeader()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.WriteText("t.csv", "value,count\na'beckett street,84\n\nc/o kokoda company rmc,1\nadfa (raaf), 2\n");

        var table = FrequencyTable.Load(path);

        Assert.Equal(["a'beckett street", "c/o kokoda company rmc", "adfa (raaf)"], table.Values);
        Assert.Equal([84L, 1L, 2L], Enumerable.Range(0, table.Count).Select(table.WeightAt));
    }

    [Fact]
    public void Load_BadCountAfterTheFirstLine_ThrowsWithTheLine()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.WriteText("t.csv", "smith,10\njones,many\n");

        var error = Assert.Throws<InvalidDataException>(() => FrequencyTable.Load(path));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Load_Directory_ReadsTheSevenTablesOrSaysWhichAreMissing()
    {
        using var directory = new TemporaryDirectory();
        Assert.Contains("givenname-freq.csv", FrequencyTables.FindMissing(directory.Path));
        SomeFrequencyTables.WriteTo(directory.Path);

        var tables = FrequencyTables.Load(directory.Path);

        Assert.Null(FrequencyTables.FindMissing(directory.Path));
        Assert.Equal(SomeFrequencyTables.Create().GivenNames.Values, tables.GivenNames.Values);
        Assert.Equal(8, tables.States.Count);
    }
}
