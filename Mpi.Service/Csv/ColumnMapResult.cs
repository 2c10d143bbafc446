using System.Diagnostics.CodeAnalysis;

namespace Mpi.Service.Csv;

/// <summary>The outcome of <see cref="ColumnMap.Parse"/>: a source → canonical header map, or the reason the spec is malformed.</summary>
public sealed record ColumnMapResult
{
    private ColumnMapResult(IReadOnlyDictionary<string, string>? map, string? error) => (Map, Error) = (map, error);

    /// <summary>Source header → canonical column; keys compare case-insensitively. Null when <see cref="Error"/> is set.</summary>
    public IReadOnlyDictionary<string, string>? Map { get; }

    /// <summary>Why the spec was rejected, ready to show to the user. Null on success.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Map))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Map is not null;

    public static ColumnMapResult Success(IReadOnlyDictionary<string, string> map) => new(map, null);

    public static ColumnMapResult Failure(string error) => new(null, error);
}
