namespace Mpi.Tools.Synthetic;

/// <summary>The frequency tables a synthetic population is drawn from (FEBRL dsgen's, by default).</summary>
public sealed record FrequencyTables(
    FrequencyTable GivenNames,
    FrequencyTable Surnames,
    FrequencyTable Streets,
    FrequencyTable StreetNumbers,
    FrequencyTable Suburbs,
    FrequencyTable Postcodes,
    FrequencyTable States)
{
    /// <summary>Where the tables live relative to the repository root (the default of <c>--freq-dir</c>).</summary>
    public const string DefaultDirectory = "data/febrl-dsgen-freq";

    /// <summary>The file names looked for in a table directory.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "givenname-freq.csv", "surname-freq.csv", "address1-freq.csv", "streetnumber-freq.csv",
        "suburb-freq.csv", "postcode-freq.csv", "state-freq.csv",
    ];

    /// <summary>Null when every table file is present in <paramref name="directory"/>; otherwise what is missing.</summary>
    public static string? FindMissing(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return $"the frequency table directory {directory} does not exist";
        }

        var missing = FileNames.Where(name => !File.Exists(Path.Combine(directory, name))).ToList();
        return missing.Count == 0 ? null : $"{directory} lacks {string.Join(", ", missing)}";
    }

    /// <summary>Reads the seven tables from <paramref name="directory"/> (see <see cref="FileNames"/>).</summary>
    public static FrequencyTables Load(string directory)
    {
        FrequencyTable Table(int index) => FrequencyTable.Load(Path.Combine(directory, FileNames[index]));
        return new FrequencyTables(Table(0), Table(1), Table(2), Table(3), Table(4), Table(5), Table(6));
    }
}
