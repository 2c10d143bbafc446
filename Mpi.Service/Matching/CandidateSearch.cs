using Mpi.Matching.Records;
using Mpi.Service.Observability;
using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// Finds the stored source records that share a blocking key with an incoming record, through the in-memory
/// <see cref="RecordDirectory"/>. Keys shared by more records than the rule's bound (a common name, a shared address)
/// are skipped, so a huge block cannot blow up a request; the other keys still find the record's relatives.
/// </summary>
public sealed class CandidateSearch(MpiDbContext db, RecordDirectory directory, RecordDirectoryFeed feed, MpiMetrics? metrics = null)
{
    /// <summary>Waits until the directory is loaded (the first calls after start-up, on a large database).</summary>
    public Task ReadyAsync(ActiveModel model, CancellationToken cancellation) => feed.LoadAsync(db, model, cancellation);

    /// <summary>
    /// The candidates of a record. Inside a registration's write transaction, pass its uncommitted records: they are
    /// searched too, and stand in for their committed versions.
    /// </summary>
    public IReadOnlyList<StoredCandidate> Find(NormalizedRecord record, ActiveModel model, TransactionRecords? uncommitted = null)
    {
        if (!directory.IsLoaded) throw new InvalidOperationException("the record directory is not loaded: await ReadyAsync first");
        if (uncommitted is null) feed.CatchUpIfDue(db);
        var keys = DirectoryBlockingKeys.Of(record, model.BlockingRules);
        if (keys.Count == 0) return [];
        var bounded = keys.Select(k => (k.Key, Math.Min(model.Model.Blocking.MaxBlockSize, k.Rule.MaxBlockSize))).ToArray();
        var candidates = directory.Find(bounded, model.BlockingRules, uncommitted is null ? null : uncommitted.CountIn);
        if (uncommitted is not null) candidates = WithUncommitted(candidates, bounded, uncommitted);
        metrics?.CandidatesScored(candidates.Count);
        return candidates;
    }

    private static List<StoredCandidate> WithUncommitted(List<StoredCandidate> committed, (long Key, int Bound)[] keys, TransactionRecords uncommitted)
    {
        var seen = new HashSet<long>();
        var result = new List<StoredCandidate>(committed.Count);
        // An uncommitted version of a record (an update earlier in the batch) replaces the committed one.
        foreach (var candidate in committed)
            if (seen.Add(candidate.Id)) result.Add(uncommitted.Find(candidate.Id) ?? candidate);
        foreach (var (key, bound) in keys)
        {
            var block = uncommitted.In(key);
            if (block.Count > bound) continue;
            foreach (var record in block)
                if (seen.Add(record.Id)) result.Add(record);
        }
        // A person merged earlier in the transaction: its records are the survivor's now.
        if (uncommitted.HasMerges)
            for (var i = 0; i < result.Count; i++)
                if (uncommitted.PersonOf(result[i].PersonId) is var person && person != result[i].PersonId) result[i] = result[i] with { PersonId = person };
        return result;
    }
}
