namespace Mpi.Service.Csv;

/// <summary>How <see cref="CanonicalCsvReader"/> reads a file.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The default longest value, in characters, that a field may hold.</summary>
    public const int DefaultMaxFieldLength = 1000;

    /// <summary>No column map, the default field length limit.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>Source header → canonical column renames (see <see cref="ColumnMap.Parse"/>); null for none.</summary>
    public IReadOnlyDictionary<string, string>? ColumnMap { get; init; }

    /// <summary>A row whose canonical field (after trimming) is longer than this is rejected. At least 1.</summary>
    public int MaxFieldLength { get; init; } = DefaultMaxFieldLength;
}
