namespace Mpi.Matching.Clustering;

/// <summary>
/// Connected components over link edges, with a guard against chaining: edges are taken strongest first, and two
/// clusters are joined only when no pair across them is forbidden (a guard: conflicting suffixes, an unvouched
/// identity disagreement) and the pairs across them agree well enough on average (their mean match weight reaches
/// a floor). A bridge record cannot pull two different people into one person this way, while a noisy record that
/// resembles only some of its person's other records still joins.
/// </summary>
public static class CoherentClustering
{
    /// <summary>Cross-pair checks above this many pairs refuse the join: a person does not have hundreds of records.</summary>
    public const int MaxCrossChecks = 10_000;

    /// <summary>Returns each record's cluster: the index of the cluster's first (lowest) record.</summary>
    /// <param name="count">Number of records.</param>
    /// <param name="links">The edges, in any order.</param>
    /// <param name="compatible">
    /// Whether two records may belong to one person (false: never), and the weight of evidence that they do.
    /// </param>
    /// <param name="refusedJoins">How many joins the coherence guard refused.</param>
    /// <param name="minimumMeanWeight">The mean match weight (log2 odds) the pairs across two clusters must reach.</param>
    public static int[] Cluster(int count, IEnumerable<ScoredLink> links, Func<int, int, (bool Allowed, double Weight)> compatible,
        double minimumMeanWeight, out int refusedJoins)
    {
        var parent = new int[count];
        var members = new List<int>?[count];
        for (var i = 0; i < count; i++) parent[i] = i;
        refusedJoins = 0;
        var ordered = links.OrderByDescending(l => l.ByRule).ThenByDescending(l => l.Weight)
            .ThenBy(l => l.First).ThenBy(l => l.Second);
        foreach (var link in ordered)
        {
            var a = Find(parent, link.First);
            var b = Find(parent, link.Second);
            if (a == b) continue;
            var ma = members[a] ?? [a];
            var mb = members[b] ?? [b];
            if (!Coherent(ma, mb, compatible, minimumMeanWeight)) { refusedJoins++; continue; }
            var (root, child) = ma.Count >= mb.Count ? (a, b) : (b, a);
            var rootMembers = members[root] ?? [root];
            rootMembers.AddRange(members[child] ?? [child]);
            members[root] = rootMembers;
            members[child] = null;
            parent[child] = root;
        }
        var cluster = new int[count];
        var first = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var root = Find(parent, i);
            if (!first.TryGetValue(root, out var id)) first[root] = id = i;
            cluster[i] = id;
        }
        return cluster;
    }

    /// <summary>
    /// Whether two groups of records may be one person: no pair across them is forbidden and the pairs across them
    /// reach <paramref name="minimumMeanWeight"/> on average (each pair's say bounded). Batch clustering joins
    /// clusters by it, and registration merges persons that a new record bridges by it.
    /// </summary>
    public static bool Coherent<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, (bool Allowed, double Weight)> compatible,
        double minimumMeanWeight)
    {
        if ((long)a.Count * b.Count > MaxCrossChecks) return false;
        var total = 0.0;
        foreach (var x in a)
            foreach (var y in b)
            {
                var (allowed, weight) = compatible(x, y);
                if (!allowed) return false;
                total += Math.Clamp(weight, -MaxPairWeight, MaxPairWeight);
            }
        return total >= minimumMeanWeight * a.Count * b.Count;
    }

    /// <summary>One pair's say in the average is bounded, so a single certain pair cannot outvote all the others.</summary>
    private const double MaxPairWeight = 30;

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
