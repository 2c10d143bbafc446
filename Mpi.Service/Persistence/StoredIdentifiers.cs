using System.Collections.Immutable;
using System.Text.Json;
using Mpi.Matching.Records;

namespace Mpi.Service.Persistence;

/// <summary>
/// How a source record's typed identifiers are kept (<see cref="Entities.SourceRecordEntity.Identifiers"/>): a JSON
/// array of [type, authority, value] as received, null when the record has none (most records: no column bytes).
/// </summary>
public static class StoredIdentifiers
{
    public static string? Of(RecordIdentifiers identifiers) =>
        identifiers.Items.Length == 0 ? null : JsonSerializer.Serialize(identifiers.Items.Select(i => new[] { i.Type, i.Authority, i.Value }));

    public static RecordIdentifiers Read(string? json)
    {
        if (json is null) return RecordIdentifiers.None;
        var parts = JsonSerializer.Deserialize<string[][]>(json) ?? throw new InvalidDataException("unreadable stored identifiers");
        return new RecordIdentifiers([.. parts.Select(p => new RecordIdentifier(p[0], p[1], p[2]))]);
    }
}
