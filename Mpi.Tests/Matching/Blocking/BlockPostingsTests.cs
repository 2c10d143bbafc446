using Mpi.Matching.Blocking;

namespace Mpi.Tests.Matching.Blocking;

public class BlockPostingsTests
{
    [Fact]
    public void CollectIfAtMost_KeysOfOneAndOfSeveralRecords_GivesEachKeysRecords()
    {
        var postings = new BlockPostings();
        postings.Add(11, 1);
        postings.Add(22, 2);
        postings.Add(22, 3);
        postings.Add(22, 4);
        postings.Add(22, 5);

        Assert.Equal([1], Collect(postings, 11, bound: 10));
        Assert.Equal([2, 3, 4, 5], Collect(postings, 22, bound: 10).Order());
        Assert.Empty(Collect(postings, 33, bound: 10));
        Assert.Equal(4, postings.CollectIfAtMost(22, bound: 10, new List<int>()));
    }

    [Fact]
    public void CollectIfAtMost_BlockOverTheBound_CollectsNothingButTellsItsSize()
    {
        var postings = new BlockPostings();
        for (var id = 0; id < 7; id++) postings.Add(5, id);
        var into = new List<int>();

        Assert.Equal(7, postings.CollectIfAtMost(5, bound: 6, into));
        Assert.Empty(into);
    }

    [Fact]
    public void Remove_FromOneRecordAndFromLargerBlocks_LeavesTheOthers()
    {
        var postings = new BlockPostings();
        postings.Add(1, 10);
        postings.Add(2, 20);
        postings.Add(2, 21);
        postings.Add(2, 22);

        postings.Remove(1, 10);
        postings.Remove(2, 21);
        postings.Remove(3, 99);

        Assert.Empty(Collect(postings, 1, bound: 10));
        Assert.Equal([20, 22], Collect(postings, 2, bound: 10).Order());
        postings.Add(1, 11);
        Assert.Equal([11], Collect(postings, 1, bound: 10));
    }

    [Fact]
    public void Add_ManyKeysThroughSeveralGrowths_AgreesWithADictionary()
    {
        var random = new Random(7);
        var postings = new BlockPostings();
        var expected = new Dictionary<ulong, List<int>>();
        for (var id = 0; id < 200_000; id++)
        {
            // Keys drawn from a small range collide into blocks; hashed ones are mostly single-record keys.
            var key = id % 3 == 0 ? (ulong)random.Next(1, 5_000) : (ulong)random.NextInt64(1, long.MaxValue);
            postings.Add(key, id);
            if (!expected.TryGetValue(key, out var list)) expected[key] = list = [];
            list.Add(id);
        }

        Assert.Equal(expected.Count, postings.KeyCount);
        foreach (var (key, ids) in expected) Assert.Equal(ids, Collect(postings, key, bound: int.MaxValue).Order());
    }

    [Fact]
    public void Add_KeyZero_IsRefused() => Assert.Throws<ArgumentException>(() => new BlockPostings().Add(0, 1));

    private static List<int> Collect(BlockPostings postings, ulong key, int bound)
    {
        var into = new List<int>();
        postings.CollectIfAtMost(key, bound, into);
        return into;
    }
}
