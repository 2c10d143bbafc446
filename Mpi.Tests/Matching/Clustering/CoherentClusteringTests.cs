using Mpi.Matching.Clustering;

namespace Mpi.Tests.Matching.Clustering;

public class CoherentClusteringTests
{
    [Fact]
    public void Cluster_ChainOfLinks_JoinsAll()
    {
        var clusters = CoherentClustering.Cluster(4, [new(0, 1, 10, false), new(1, 2, 9, false)], (_, _) => (true, 1.0), 0, out var refused);
        Assert.Equal([0, 0, 0, 3], clusters);
        Assert.Equal(0, refused);
    }

    [Fact]
    public void Cluster_BridgeBetweenIncompatibleRecords_RefusesTheWeakerJoin()
    {
        // 0 and 2 are different people (twins); 1 links to both. The stronger link wins; the bridge is refused.
        var clusters = CoherentClustering.Cluster(3, [new(0, 1, 12, false), new(1, 2, 11, false)],
            (x, y) => (!((x == 0 && y == 2) || (x == 2 && y == 0)), 1.0), 0, out var refused);
        Assert.Equal(clusters[0], clusters[1]);
        Assert.NotEqual(clusters[1], clusters[2]);
        Assert.Equal(1, refused);
    }

    [Fact]
    public void Cluster_RuleLinks_AreTakenBeforeScoredLinks()
    {
        var clusters = CoherentClustering.Cluster(3, [new(0, 1, 50, false), new(1, 2, double.PositiveInfinity, true)],
            (x, y) => (!((x == 0 && y == 2) || (x == 2 && y == 0)), 1.0), 0, out _);
        Assert.Equal(clusters[1], clusters[2]);
        Assert.NotEqual(clusters[0], clusters[1]);
    }

    [Fact]
    public void Cluster_Ids_AreTheFirstRecordOfEachCluster()
    {
        var clusters = CoherentClustering.Cluster(5, [new(4, 2, 10, false), new(3, 1, 10, false)], (_, _) => (true, 1.0), 0, out _);
        Assert.Equal([0, 1, 2, 1, 2], clusters);
    }
}
