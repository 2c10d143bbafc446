namespace Mpi.Matching.Nicknames;

/// <summary>
/// Reads the nickname table's text format: one line per formal given name, <c>FORMAL,NICK1,NICK2,...</c>,
/// with <c>#</c> comment lines and blank lines ignored. Each returned array is one equivalence group,
/// formal name first, upper-cased, with repeats within the line removed.
/// </summary>
internal static class NicknameCsvReader
{
    /// <exception cref="FormatException">
    /// A line has no nickname, an empty field, a character other than A–Z, or repeats an earlier formal name.
    /// The table is shipped data, so a bad line is a defect to fix, not an input to tolerate.
    /// </exception>
    public static List<string[]> ReadGroups(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var groups = new List<string[]>();
        var formalNames = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var names = ParseLine(trimmed, lineNumber);
            if (!formalNames.Add(names[0]))
            {
                throw new FormatException($"Nickname table line {lineNumber}: formal name {names[0]} appears twice.");
            }

            groups.Add(names);
        }

        return groups;
    }

    private static string[] ParseLine(string line, int lineNumber)
    {
        var fields = line.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length < 2)
        {
            throw new FormatException($"Nickname table line {lineNumber}: a formal name needs at least one nickname.");
        }

        var names = new List<string>(fields.Length);
        foreach (var field in fields)
        {
            var name = field.ToUpperInvariant();
            if (name.Length == 0 || !name.All(char.IsAsciiLetterUpper))
            {
                throw new FormatException($"Nickname table line {lineNumber}: '{field}' is not a name of letters A–Z.");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }
}
