namespace Mpi.Service.Matching;

/// <summary>
/// The records a registration transaction has written and not committed yet: later records of the same batch must
/// find them, and the directory only learns them at commit. Keyed like the directory, once per record.
/// </summary>
public sealed class TransactionRecords
{
    private readonly List<IndexedRecord> _records = [];
    private readonly Dictionary<long, List<IndexedRecord>> _blocks = [];
    // Persons merged into another by this transaction: what the directory still files under them is the survivor's.
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);

    public IReadOnlyList<IndexedRecord> All => _records;

    public void Add(IndexedRecord record, IEnumerable<long> keys)
    {
        _records.Add(record);
        foreach (var key in keys)
        {
            if (!_blocks.TryGetValue(key, out var block)) _blocks[key] = block = [];
            block.Add(record);
        }
    }

    public int CountIn(long key) => _blocks.TryGetValue(key, out var block) ? block.Count : 0;

    public IReadOnlyList<IndexedRecord> In(long key) => _blocks.TryGetValue(key, out var block) ? block : [];

    public IndexedRecord? Find(long id) => _records.FindLast(r => r.Id == id);

    /// <summary>True once the transaction merged a person: the directory then reads the commit back from the feed.</summary>
    public bool HasMerges => _mergedInto.Count > 0;

    public void Merged(string personId, string intoPersonId) => _mergedInto[personId] = intoPersonId;

    /// <summary>The person a record filed under <paramref name="personId"/> belongs to now (its survivor, if merged).</summary>
    public string PersonOf(string personId)
    {
        while (_mergedInto.TryGetValue(personId, out var into)) personId = into;
        return personId;
    }

    /// <summary>The person and every person this transaction merged into it.</summary>
    public IEnumerable<string> PersonAndMerged(string personId) =>
        _mergedInto.Count == 0 ? [personId] : [personId, .. _mergedInto.Keys.Where(k => PersonOf(k) == personId)];
}
