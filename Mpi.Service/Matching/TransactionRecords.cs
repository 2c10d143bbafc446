namespace Mpi.Service.Matching;

/// <summary>
/// The records a registration transaction has written and not committed yet: later records of the same batch must
/// find them, and the directory only learns them at commit. Keyed like the directory, once per record.
/// </summary>
public sealed class TransactionRecords
{
    private readonly List<IndexedRecord> _records = [];
    private readonly Dictionary<long, List<IndexedRecord>> _blocks = [];

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
}
