namespace Mpi.Tools.Synthetic;

/// <summary>
/// Distinct pseudo-random numbers below a modulus: an affine permutation (a·n + b) mod m of a counter, with a
/// coprime to m. Unlike independent draws, a million nine-digit ids never collide.
/// </summary>
internal sealed class UniqueNumberSequence
{
    private readonly long _modulus;
    private readonly long _multiplier;
    private readonly long _offset;
    private long _counter;

    public UniqueNumberSequence(Random random, long modulus)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(modulus, 3_000_000_000L);
        _modulus = modulus;
        do
        {
            _multiplier = random.NextInt64(modulus / 3, modulus);
        }
        while (GreatestCommonDivisor(_multiplier, modulus) != 1);

        _offset = random.NextInt64(modulus);
    }

    public long Next()
    {
        var n = _counter++ % _modulus;
        return (long)(((UInt128)(ulong)_multiplier * (ulong)n + (ulong)_offset) % (ulong)_modulus);
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
