namespace Mpi.Matching.Phonetics;

/// <summary>
/// The two codes <see cref="DoubleMetaphone"/> gives a name: the most likely pronunciation and an
/// alternate (e.g. a Slavic, Germanic or Spanish reading). Two names sound alike when any code of one
/// equals any code of the other.
/// </summary>
/// <param name="Primary">The primary code; "" only when the name had no letters or encodes to nothing.</param>
/// <param name="Alternate">The alternate code; equal to <paramref name="Primary"/> when the name has no alternate reading.</param>
public readonly record struct DoubleMetaphoneCode(string Primary, string Alternate)
{
    /// <summary>The code of a name with no letters.</summary>
    public static DoubleMetaphoneCode Empty { get; } = new("", "");

    /// <summary>True when the name has a distinct alternate reading.</summary>
    public bool HasAlternate => !string.Equals(Primary, Alternate, StringComparison.Ordinal);
}
