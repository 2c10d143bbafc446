using System.Collections.Concurrent;
using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// Stored source records already normalised, by id and version, so that candidate search scores stored records
/// instead of re-normalising every candidate on every request (normalising costs more than scoring). A record's
/// demographics change only through an update, which bumps its version, so an entry for another version is simply
/// not used. Only committed records are added: an id handed out inside a transaction that rolls back can be reused.
/// </summary>
public sealed class NormalizedRecordCache(int capacity = NormalizedRecordCache.DefaultCapacity)
{
    /// <summary>Enough for a few million records; each costs about a kilobyte.</summary>
    public const int DefaultCapacity = 3_000_000;

    private readonly ConcurrentDictionary<long, (int Version, NormalizedRecord Record)> _records = new();

    public int Count => _records.Count;

    public NormalizedRecord? Find(long id, int version) =>
        _records.TryGetValue(id, out var entry) && entry.Version == version ? entry.Record : null;

    /// <summary>
    /// Remembers a committed record. An older version never replaces a newer one (a warm-up read can finish after an
    /// update); a full cache keeps what it has and still answers.
    /// </summary>
    public void Add(long id, int version, NormalizedRecord record)
    {
        if (_records.Count >= capacity && !_records.ContainsKey(id)) return;
        _records.AddOrUpdate(id, (version, record), (_, held) => held.Version > version ? held : (version, record));
    }
}
