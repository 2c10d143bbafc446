namespace Mpi.Matching.Phonetics;

// Part of the hand-written Double Metaphone (see DoubleMetaphone.cs for why and which specification).

/// <summary>
/// Accumulates the primary and alternate codes into caller-provided buffers, silently dropping what
/// would overflow: the buffer length is the maximum code length, so appending and then truncating
/// (as the reference does) comes to the same thing.
/// </summary>
internal ref struct DoubleMetaphoneCodeWriter
{
    private readonly Span<char> primary;
    private readonly Span<char> alternate;
    private int primaryLength;
    private int alternateLength;

    public DoubleMetaphoneCodeWriter(Span<char> primary, Span<char> alternate)
    {
        this.primary = primary;
        this.alternate = alternate;
    }

    /// <summary>Both codes have reached the maximum length, so no later letter can change them.</summary>
    public readonly bool IsFull => primaryLength == primary.Length && alternateLength == alternate.Length;

    /// <summary>Appends the same sound to both codes.</summary>
    public void Add(string sound) => Add(sound, sound);

    /// <summary>Appends a sound to each code; "" appends nothing to that code.</summary>
    public void Add(string primarySound, string alternateSound)
    {
        primaryLength = Append(primary, primaryLength, primarySound);
        alternateLength = Append(alternate, alternateLength, alternateSound);
    }

    public readonly DoubleMetaphoneCode ToCode()
    {
        ReadOnlySpan<char> first = primary[..primaryLength];
        ReadOnlySpan<char> second = alternate[..alternateLength];
        string primaryCode = new(first);
        return new DoubleMetaphoneCode(primaryCode, first.SequenceEqual(second) ? primaryCode : new string(second));
    }

    private static int Append(Span<char> buffer, int length, string sound)
    {
        int count = Math.Min(sound.Length, buffer.Length - length);
        sound.AsSpan(0, count).CopyTo(buffer[length..]);
        return length + count;
    }
}
