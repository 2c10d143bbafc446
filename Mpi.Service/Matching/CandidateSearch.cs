using System.Data.Common;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Observability;
using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// Finds the stored source records that share a blocking key with an incoming record, through the key index.
/// Keys shared by more records than the rule's bound (a common name, a shared address) are skipped, so a huge block
/// cannot blow up a request; the other keys still find the record's relatives. Candidates come back normalised from
/// the cache; only records not seen before (or changed since) are read and normalised.
/// </summary>
/// <remarks>
/// Plain commands executed synchronously: SQLite runs in-process, so its async methods only add overhead, and the
/// statements are index look-ups of microseconds.
/// </remarks>
public sealed class CandidateSearch(MpiDbContext db, RecordNormalizer normalizer, NormalizedRecordCache cache, OversizedBlocks oversized,
    MpiMetrics? metrics = null)
{
    private readonly List<StoredCandidate> _loadedInTransaction = [];

    // Two statements: the key index alone (covering) gives each block's record ids, so an oversized block is
    // rejected without touching its records; then each distinct record is looked up once, however many keys it
    // shares. Each takes all its values at once through SQLite's json_each: a statement per key or per id costs more
    // in the ADO.NET layer than the look-up itself. The first search that meets an oversized block reads its ids
    // whole (a statement cannot bound each key's rows); the block is then remembered and never read again.
    private const string Blocks = """
        SELECT "Key", "SourceRecordId" FROM "BlockingKeys" WHERE "Key" IN (SELECT "value" FROM json_each(@keys))
        """;
    private const string VersionAndPerson = """
        SELECT "Id", "Version", "PersonId" FROM "SourceRecords" WHERE "Id" IN (SELECT "value" FROM json_each(@ids))
        """;

    public IReadOnlyList<StoredCandidate> Find(NormalizedRecord record, ActiveModel model)
    {
        var keys = StoredBlockingKeys.Of(record, model.BlockingRules);
        if (keys.Count == 0) return [];
        var bounds = new Dictionary<long, int>(keys.Count);
        foreach (var (value, rule) in keys)
        {
            var bound = Math.Min(model.Model.Blocking.MaxBlockSize, rule.MaxBlockSize);
            if (!oversized.Exceeds(value, bound)) bounds[value] = bound;
        }
        var blocks = new Dictionary<long, List<long>>(bounds.Count);
        if (bounds.Count > 0)
        {
            using var command = DirectCommand.Create(db, Blocks);
            command.Parameter("@keys").Value = $"[{string.Join(',', bounds.Keys)}]";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetInt64(0);
                if (!blocks.TryGetValue(key, out var block)) blocks[key] = block = [];
                block.Add(reader.GetInt64(1));
            }
        }
        var ids = new HashSet<long>();
        foreach (var (key, block) in blocks)
        {
            if (block.Count <= bounds[key]) ids.UnionWith(block);
            else oversized.Record(key, block.Count);
        }
        if (ids.Count == 0) return [];

        var candidates = new List<StoredCandidate>(ids.Count);
        List<(long Id, int Version, string PersonId)>? missing = null;
        using (var command = DirectCommand.Create(db, VersionAndPerson))
        {
            command.Parameter("@ids").Value = $"[{string.Join(',', ids)}]";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (candidateId, version, personId) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2));
                if (cache.Find(candidateId, version) is { } normalized) candidates.Add(new StoredCandidate(candidateId, version, personId, normalized));
                else (missing ??= []).Add((candidateId, version, personId));
            }
        }
        if (missing is not null) candidates.AddRange(Load(missing));
        metrics?.CandidatesScored(candidates.Count);
        return candidates;
    }

    /// <summary>Reads and normalises records the cache does not hold; committed ones are cached by the caller's commit.</summary>
    private IEnumerable<StoredCandidate> Load(List<(long Id, int Version, string PersonId)> missing)
    {
        var loaded = new List<StoredCandidate>(missing.Count);
        using var command = DirectCommand.Create(db, StoredRecordRows.SelectById);
        var id = command.Parameter("@id");
        foreach (var (rowId, version, personId) in missing)
        {
            id.Value = rowId;
            using var reader = command.ExecuteReader();
            if (!reader.Read()) continue;
            var normalized = normalizer.Normalize(StoredRecordRows.Read(reader)).Record;
            loaded.Add(new StoredCandidate(rowId, version, personId, normalized));
        }
        // Outside a write transaction every row read is committed; inside one, a row may be the transaction's own,
        // so the registrar caches them after its commit (TakeLoadedInTransaction).
        if (db.Database.CurrentTransaction is null)
            foreach (var c in loaded) cache.Add(c.Id, c.Version, c.Record);
        else _loadedInTransaction.AddRange(loaded);
        return loaded;
    }

    /// <summary>The records read and normalised inside the current transaction, handed over once (to cache after commit).</summary>
    public IReadOnlyList<StoredCandidate> TakeLoadedInTransaction()
    {
        var taken = _loadedInTransaction.ToArray();
        _loadedInTransaction.Clear();
        return taken;
    }
}
