namespace Mpi.Tools.Reports;

/// <summary>
/// Masks patient values for a report that may be mailed around: a steward can still see that two names share an
/// initial and a length, that two dates share a year, that two identifiers end alike — never the values themselves.
/// </summary>
internal static class PhiMask
{
    private const char Hidden = '•';

    /// <summary>The initial, then one dot per further letter: "WALLER" → "W•••••". One letter hides entirely.</summary>
    public static string Name(string value) =>
        value.Length <= 1 ? new string(Hidden, value.Length) : value[0] + new string(Hidden, value.Length - 1);

    /// <summary>The year only: "19081209" → "1908-••-••".</summary>
    public static string Date(int year) => year == 0 ? "" : $"{year:D4}-{Hidden}{Hidden}-{Hidden}{Hidden}";

    /// <summary>
    /// The last two characters, the rest dotted: "6988048" → "•••••48". Up to four characters hide entirely, since
    /// two of four would show half of the value.
    /// </summary>
    public static string Identifier(string value) =>
        value.Length <= 4 ? new string(Hidden, value.Length) : new string(Hidden, value.Length - 2) + value[^2..];

    /// <summary>Free text (a street address, an e-mail address): its length only.</summary>
    public static string Text(string value) => value.Length == 0 ? "" : $"[{value.Length} characters]";
}
