using System.Diagnostics.CodeAnalysis;

namespace Mpi.Service.Csv;

/// <summary>The outcome of <see cref="CanonicalCsvReader.Open"/>: the rows to read, or why the file cannot be read at all.</summary>
public sealed record CsvReadResult
{
    private CsvReadResult(CanonicalCsvRows? rows, string? error) => (Rows, Error) = (rows, error);

    /// <summary>The data rows, read lazily. Null when <see cref="Error"/> is set.</summary>
    public CanonicalCsvRows? Rows { get; }

    /// <summary>A file-level problem (empty file, header without registry or local_id). Null on success.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Rows))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Rows is not null;

    internal static CsvReadResult Success(CanonicalCsvRows rows) => new(rows, null);

    internal static CsvReadResult Failure(string error) => new(null, error);
}
