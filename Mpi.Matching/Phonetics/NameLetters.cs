using System.Buffers;

namespace Mpi.Matching.Phonetics;

/// <summary>
/// The upper-case ASCII letters A–Z of a name, in order: the only characters the phonetic encoders read.
/// Spaces, hyphens, apostrophes, digits and any non-ASCII character are dropped, and lower case is folded,
/// so O'BRIEN, o'brien and OBRIEN encode alike.
/// </summary>
/// <remarks>
/// Short names are copied into caller-provided stack space; a name longer than that borrows a pooled
/// array, returned by <see cref="Dispose"/>, so a pathological 10,000-character input neither throws
/// nor leaves a large allocation behind.
/// </remarks>
internal ref struct NameLetters
{
    /// <summary>Stack space an encoder should offer; real names fit comfortably.</summary>
    public const int StackCapacity = 64;

    private char[]? rented;

    private NameLetters(Span<char> letters, char[]? rented)
    {
        Letters = letters;
        this.rented = rented;
    }

    /// <summary>The letters, upper case; encoders may rewrite them in place.</summary>
    public Span<char> Letters { get; }

    public readonly bool IsEmpty => Letters.IsEmpty;

    /// <summary>Copies the letters of <paramref name="name"/> (null reads as empty) into <paramref name="scratch"/>, or a pooled array if it is too small.</summary>
    public static NameLetters Extract(string? name, Span<char> scratch)
    {
        ReadOnlySpan<char> source = name;
        char[]? rented = null;
        Span<char> target = source.Length <= scratch.Length
            ? scratch
            : rented = ArrayPool<char>.Shared.Rent(source.Length);

        int count = 0;
        foreach (char c in source)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                target[count++] = c;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                target[count++] = (char)(c - ('a' - 'A'));
            }
        }

        return new NameLetters(target[..count], rented);
    }

    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
            rented = null;
        }
    }
}
