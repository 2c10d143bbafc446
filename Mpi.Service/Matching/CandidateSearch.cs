using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Matching;

/// <summary>
/// Finds the stored source records that share a blocking key with an incoming record, through the key index.
/// Keys shared by more records than the rule's bound (a common name, a shared address) are skipped, so a huge block
/// cannot blow up a request; the other keys still find the record's relatives.
/// </summary>
public sealed class CandidateSearch(MpiDbContext db, RecordNormalizer normalizer)
{
    public async Task<IReadOnlyList<(SourceRecordEntity Stored, NormalizedRecord Normalized)>> FindAsync(
        NormalizedRecord record, ActiveModel model, CancellationToken cancellation)
    {
        var keys = StoredBlockingKeys.Of(record, model.BlockingRules);
        if (keys.Count == 0) return [];
        var values = keys.Select(k => k.Key).ToArray();
        var sizes = await db.BlockingKeys.Where(k => values.Contains(k.Key)).GroupBy(k => k.Key)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellation);
        var usable = keys.Where(k => sizes.GetValueOrDefault(k.Key) is var n && n > 0
            && n <= Math.Min(model.Model.Blocking.MaxBlockSize, k.Rule.MaxBlockSize)).Select(k => k.Key).ToArray();
        if (usable.Length == 0) return [];
        var ids = await db.BlockingKeys.Where(k => usable.Contains(k.Key)).Select(k => k.SourceRecordId).Distinct()
            .ToListAsync(cancellation);
        var stored = await db.SourceRecords.Where(r => ids.Contains(r.Id)).ToListAsync(cancellation);
        return [.. stored.Select(s => (s, normalizer.Normalize(s.ToPatientRecord()).Record))];
    }
}
