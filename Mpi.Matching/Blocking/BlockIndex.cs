using Mpi.Matching.Records;

namespace Mpi.Matching.Blocking;

/// <summary>
/// An in-memory index of records by blocking key (one sorted array per rule), for batch runs: for each record it
/// lists the candidates that share at least one key, each once. Blocks larger than the bound are skipped for that
/// rule (a common name or a shared address must not blow up the run; the other rules still reach those records).
/// </summary>
public sealed class BlockIndex
{
    private readonly RuleBlocks[] _rules;

    public BlockIndex(IReadOnlyList<NormalizedRecord> records, IReadOnlyList<BlockingRule> rules, int maxBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlockSize, 2);
        Count = records.Count;
        _rules = new RuleBlocks[rules.Count];
        Parallel.For(0, rules.Count, r => _rules[r] = new RuleBlocks(records, rules[r], r, Math.Min(maxBlockSize, rules[r].MaxBlockSize)));
        OversizedBlocks = _rules.Sum(r => r.OversizedBlocks);
    }

    public int Count { get; }

    /// <summary>How many blocks exceeded the bound and were skipped.</summary>
    public int OversizedBlocks { get; }

    /// <summary>
    /// Fills <paramref name="candidates"/> with the records after <paramref name="record"/> (higher index) that share
    /// a key with it, each once. <paramref name="seen"/> is a scratch array of <see cref="Count"/> entries owned by
    /// the calling thread; it must start zeroed and is only written with <c>record + 1</c>.
    /// </summary>
    public void LaterCandidates(int record, int[] seen, List<int> candidates)
    {
        candidates.Clear();
        var stamp = record + 1;
        foreach (var rule in _rules)
        {
            var (start, end) = rule.BlockOf(record);
            for (var p = start; p < end; p++)
            {
                var other = rule.Members[p];
                if (other <= record || seen[other] == stamp) continue;
                seen[other] = stamp;
                candidates.Add(other);
            }
        }
    }

    /// <summary>Number of distinct candidate pairs the index yields (each pair once).</summary>
    public long CountPairs()
    {
        // One rule's blocks do not overlap: its pairs are counted from the block sizes.
        if (_rules.Length == 1) return _rules[0].PairsWithin;
        long total = 0;
        var seen = new int[Count];
        var list = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            LaterCandidates(i, seen, list);
            total += list.Count;
        }
        return total;
    }

    private sealed class RuleBlocks
    {
        public readonly int[] Members;
        private readonly int[] _blockStart;
        private readonly int[] _blockEnd;

        public RuleBlocks(IReadOnlyList<NormalizedRecord> records, BlockingRule rule, int ordinal, int maxBlockSize)
        {
            var n = records.Count;
            var keys = new ulong[n];
            var order = new int[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = rule.Key(records[i], ordinal);
                order[i] = i;
            }
            // Sort by key, then by index, so each block lists its members in input order. Sorting the keys with the
            // indices as items and then each run of equal keys by index is a primitive sort, several times faster
            // than comparing through the keys (a second of the index build at a million records).
            var sortedKeys = (ulong[])keys.Clone();
            Array.Sort(sortedKeys, order);
            for (var run = 0; run < n;)
            {
                var runEnd = run + 1;
                while (runEnd < n && sortedKeys[runEnd] == sortedKeys[run]) runEnd++;
                if (runEnd - run > 1) Array.Sort(order, run, runEnd - run);
                run = runEnd;
            }
            Members = order;
            _blockStart = new int[n];
            _blockEnd = new int[n];
            var s = 0;
            while (s < n)
            {
                var e = s + 1;
                while (e < n && sortedKeys[e] == sortedKeys[s]) e++;
                var usable = sortedKeys[s] != 0 && e - s <= maxBlockSize;
                if (sortedKeys[s] != 0 && !usable) OversizedBlocks++;
                if (usable) PairsWithin += (long)(e - s) * (e - s - 1) / 2;
                for (var p = s; p < e; p++)
                {
                    _blockStart[order[p]] = usable ? s : 0;
                    _blockEnd[order[p]] = usable ? e : 0;
                }
                s = e;
            }
        }

        public int OversizedBlocks { get; }

        /// <summary>Pairs within this rule's usable blocks.</summary>
        public long PairsWithin { get; }

        public (int Start, int End) BlockOf(int record) => (_blockStart[record], _blockEnd[record]);
    }
}
