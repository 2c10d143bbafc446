using System.Data.Common;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
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
public sealed class CandidateSearch(MpiDbContext db, RecordNormalizer normalizer, NormalizedRecordCache cache)
{
    private const string ByKey = """
        SELECT r."Id", r."Version", r."PersonId" FROM "BlockingKeys" AS k JOIN "SourceRecords" AS r ON r."Id" = k."SourceRecordId"
        WHERE k."Key" = @key LIMIT @limit
        """;

    public Task<IReadOnlyList<StoredCandidate>> FindAsync(NormalizedRecord record, ActiveModel model, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(Find(record, model));
    }

    public IReadOnlyList<StoredCandidate> Find(NormalizedRecord record, ActiveModel model)
    {
        var keys = StoredBlockingKeys.Of(record, model.BlockingRules);
        if (keys.Count == 0) return [];
        var found = new Dictionary<long, (int Version, string PersonId)>();
        var block = new List<(long Id, int Version, string PersonId)>();
        using (var command = DirectCommand.Create(db, ByKey))
        {
            var key = command.Parameter("@key");
            var limit = command.Parameter("@limit");
            foreach (var (value, rule) in keys)
            {
                var bound = Math.Min(model.Model.Blocking.MaxBlockSize, rule.MaxBlockSize);
                key.Value = value;
                limit.Value = bound + 1;
                block.Clear();
                using (var reader = command.ExecuteReader())
                    while (reader.Read()) block.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2)));
                if (block.Count > bound) continue;
                foreach (var (id, version, personId) in block) found[id] = (version, personId);
            }
        }
        var candidates = new List<StoredCandidate>(found.Count);
        List<(long Id, int Version, string PersonId)>? missing = null;
        foreach (var (id, (version, personId)) in found)
        {
            if (cache.Find(id, version) is { } normalized) candidates.Add(new StoredCandidate(id, version, personId, normalized));
            else (missing ??= []).Add((id, version, personId));
        }
        if (missing is not null) candidates.AddRange(Load(missing));
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
        // Outside a write transaction every row read is committed; inside one, the registrar caches after its commit.
        if (db.Database.CurrentTransaction is null)
            foreach (var c in loaded) cache.Add(c.Id, c.Version, c.Record);
        return loaded;
    }
}
