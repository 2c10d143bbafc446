namespace Mpi.Matching.Blocking;

/// <summary>
/// Blocking key → the records that hold it, in memory, for an index of millions of records: an open-addressing table
/// of 64-bit keys whose slot holds a record id directly when the block has one record (most keys: identifiers, phones,
/// addresses) and otherwise points at a growable id array. A .NET dictionary of lists costs several times as much per
/// key and per posting, and at 1,000,000 records the index holds some 7 million keys and 16 million postings.
/// Not thread-safe: the owner locks.
/// </summary>
public sealed class BlockPostings
{
    private const int Empty = -1;
    private const double MaxLoad = 0.75;

    private ulong[] _keys = new ulong[1024];
    // A slot's value: a record id (>= 0) for a one-record block, Empty for a block whose records all left, or
    // -(i + 2) for the block held in _blocks[i] (its length in [0], then the ids).
    private int[] _values = new int[1024];
    private int[][] _blocks = new int[64][];
    private int _blockCount;
    private int _used;

    /// <summary>Keys held (including blocks that became empty).</summary>
    public int KeyCount => _used;

    /// <summary>Adds a record to a key's block; a record is added once per key (the caller keeps keys distinct).</summary>
    public void Add(ulong key, int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (key == 0) throw new ArgumentException("0 is not a blocking key (rules return 0 for 'no key')", nameof(key));
        if (_used + 1 > _keys.Length * MaxLoad) Grow();
        var slot = SlotOf(key);
        if (_keys[slot] == 0)
        {
            _keys[slot] = key;
            _values[slot] = id;
            _used++;
            return;
        }
        var value = _values[slot];
        if (value == Empty) _values[slot] = id;
        else if (value >= 0) _values[slot] = NewBlock(value, id);
        else Append(-value - 2, id);
    }

    /// <summary>Removes a record from a key's block (a record whose demographics changed); unknown pairs are ignored.</summary>
    public void Remove(ulong key, int id)
    {
        var slot = SlotOf(key);
        if (_keys[slot] == 0) return;
        var value = _values[slot];
        if (value == id) _values[slot] = Empty;
        else if (value < Empty)
        {
            var block = _blocks[-value - 2];
            var length = block[0];
            for (var i = 1; i <= length; i++)
            {
                if (block[i] != id) continue;
                block[i] = block[length];
                block[0] = length - 1;
                return;
            }
        }
    }

    /// <summary>Adds the key's records to <paramref name="into"/> when the block holds at most <paramref name="bound"/>; returns the block's size.</summary>
    public int CollectIfAtMost(ulong key, int bound, ICollection<int> into)
    {
        var slot = SlotOf(key);
        if (_keys[slot] == 0) return 0;
        var value = _values[slot];
        if (value >= 0)
        {
            if (bound >= 1) into.Add(value);
            return 1;
        }
        if (value == Empty) return 0;
        var block = _blocks[-value - 2];
        var length = block[0];
        if (length > bound) return length;
        for (var i = 1; i <= length; i++) into.Add(block[i]);
        return length;
    }

    private int SlotOf(ulong key)
    {
        var mask = _keys.Length - 1;
        // Keys are hashes already; mixing the high bits in keeps clustered low bits from piling into one run.
        var slot = (int)((key ^ (key >> 29) ^ (key >> 47)) & (ulong)mask);
        while (_keys[slot] != 0 && _keys[slot] != key) slot = (slot + 1) & mask;
        return slot;
    }

    private int NewBlock(int first, int second)
    {
        if (_blockCount == _blocks.Length) Array.Resize(ref _blocks, _blocks.Length * 2);
        _blocks[_blockCount] = [2, first, second, 0];
        return -(_blockCount++ + 2);
    }

    private void Append(int blockIndex, int id)
    {
        ref var block = ref _blocks[blockIndex];
        var length = block[0];
        if (length + 1 == block.Length) Array.Resize(ref block, block.Length * 2);
        block[length + 1] = id;
        block[0] = length + 1;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new ulong[keys.Length * 2];
        _values = new int[keys.Length * 2];
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0) continue;
            var slot = SlotOf(keys[i]);
            _keys[slot] = keys[i];
            _values[slot] = values[i];
        }
    }
}
