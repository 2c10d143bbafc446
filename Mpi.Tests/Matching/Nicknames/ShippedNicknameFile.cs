using Mpi.Matching.Nicknames;

namespace Mpi.Tests.Matching.Nicknames;

/// <summary>The raw text of the nickname table embedded in Mpi.Matching, read independently of the parser.</summary>
internal static class ShippedNicknameFile
{
    private const string ResourceName = "Mpi.Matching.Nicknames.nicknames.csv";

    private static readonly Lazy<IReadOnlyList<string>> LazyLines = new(ReadLines);

    /// <summary>Every line of the file, comments and blanks included.</summary>
    public static IReadOnlyList<string> Lines => LazyLines.Value;

    /// <summary>The lines that carry data: not blank, not a comment.</summary>
    public static IEnumerable<string> DataLines =>
        Lines.Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));

    /// <summary>Every distinct name in the file, formal or nickname.</summary>
    public static string[] AllNames() =>
        [.. DataLines.SelectMany(line => line.Split(',')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<string> ReadLines()
    {
        using var stream = typeof(NicknameTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Mpi.Matching.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
