namespace Mpi.Matching.Blocking;

/// <summary>
/// FNV-1a 64-bit hash of a blocking key's parts. Deterministic across processes (unlike string.GetHashCode), so
/// blocks, and therefore results, are repeatable; a rare collision only adds candidates, it never loses one.
/// </summary>
public struct BlockingKeyHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _hash;

    /// <summary>Starts a key for the rule with this ordinal, so equal values under different rules never collide.</summary>
    public static BlockingKeyHash For(int ruleOrdinal)
    {
        var h = new BlockingKeyHash { _hash = Offset };
        h.Add((uint)ruleOrdinal);
        return h;
    }

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text) Add((uint)c);
        Add(0xFFFFu); // separator: ("AB","C") and ("A","BC") differ
    }

    public void Add(uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            _hash ^= (byte)(value >> (8 * i));
            _hash *= Prime;
        }
    }

    /// <summary>The key; never 0 (0 means "no key").</summary>
    public readonly ulong Value => _hash == 0 ? 1 : _hash;
}
