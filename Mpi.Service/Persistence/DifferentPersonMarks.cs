using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// The "not the same person" marks (<see cref="DifferentPersonMarkEntity"/>): made by review answers, unlinks and
/// stewards, and asked before anything puts a marked record together with its person. A mark names the person as it
/// was; it is followed through merges when asked, so it holds against whoever now holds that person's records.
/// Reads and writes go through the caller's context, inside the caller's write transaction when there is one.
/// </summary>
public sealed class DifferentPersonMarks(MpiDbContext db)
{
    /// <summary>A chain of merges longer than this is a loop in corrupt data, not a registry's history.</summary>
    private const int MaxMergeChain = 64;

    /// <summary>
    /// The first mark holding persons <paramref name="a"/> and <paramref name="b"/> apart (a record of one marked as not
    /// the other), or null when they may be one person. Synchronous: the registration's decision asks it.
    /// </summary>
    public long? Between(string a, string b) => a == b ? null : Holding(ActiveOnRecordsOf(a, b).ToList(), a, b);

    public async Task<long?> BetweenAsync(string a, string b, CancellationToken cancellation) =>
        a == b ? null : Holding(await ActiveOnRecordsOf(a, b).ToListAsync(cancellation), a, b);

    /// <summary>The first of the marks on either person's records that names the other person (followed through merges).</summary>
    private long? Holding(List<HeldMark> marks, string a, string b) =>
        marks.FirstOrDefault(mark => SurvivorOf(mark.Marked) == (mark.Holder == a ? b : a))?.Id;

    /// <summary>The persons a record is marked as not (each followed to whoever holds its records now); none for a key not registered.</summary>
    public HashSet<string> PersonsMarkedAgainst(string registry, string localId) =>
        [.. db.DifferentPersonMarks.Where(m => m.RemovedAt == null)
            .Join(db.SourceRecords.Where(r => r.Registry == registry && r.LocalId == localId), m => m.SourceRecordId, r => r.Id, (m, r) => m.PersonId)
            .ToList().Select(SurvivorOf)];

    /// <summary>The marks that hold <paramref name="recordId"/> apart from <paramref name="personId"/>.</summary>
    public async Task<List<DifferentPersonMarkEntity>> OnAsync(long recordId, string personId, CancellationToken cancellation) =>
        [.. (await db.DifferentPersonMarks.Where(m => m.SourceRecordId == recordId && m.RemovedAt == null).ToListAsync(cancellation))
            .Where(m => SurvivorOf(m.PersonId) == personId)];

    /// <summary>Marks <paramref name="recordId"/> as not <paramref name="personId"/>, unless a mark says so already.</summary>
    public async Task<DifferentPersonMarkEntity> MarkAsync(long recordId, string personId, MarkOrigin origin, string actor, DateTimeOffset at, string? reason,
        CancellationToken cancellation, long? reviewTaskId = null, string? operationId = null)
    {
        var held = await db.DifferentPersonMarks.FirstOrDefaultAsync(m => m.SourceRecordId == recordId && m.PersonId == personId && m.RemovedAt == null,
            cancellation);
        if (held is not null) return held;
        var mark = new DifferentPersonMarkEntity
        {
            SourceRecordId = recordId, PersonId = personId, Origin = origin, MarkedBy = actor, MarkedAt = at, Reason = reason,
            ReviewTaskId = reviewTaskId, OperationId = operationId,
        };
        db.DifferentPersonMarks.Add(mark);
        return mark;
    }

    /// <summary>Whoever holds <paramref name="personId"/>'s records now: itself, or the survivor of its merges.</summary>
    public string SurvivorOf(string personId)
    {
        var current = personId;
        for (var i = 0; i < MaxMergeChain; i++)
        {
            var into = db.Persons.Where(p => p.Id == current).Select(p => p.MergedIntoId).FirstOrDefault();
            if (into is null) return current;
            current = into;
        }
        return current;
    }

    private IQueryable<HeldMark> ActiveOnRecordsOf(string a, string b) =>
        db.DifferentPersonMarks.Where(m => m.RemovedAt == null)
            .Join(db.SourceRecords.Where(r => r.PersonId == a || r.PersonId == b), m => m.SourceRecordId, r => r.Id,
                (m, r) => new HeldMark(m.Id, r.PersonId, m.PersonId));

    /// <summary>A mark on a record of one of two persons: the mark, the person holding the record, the person marked.</summary>
    private sealed record HeldMark(long Id, string Holder, string Marked);
}
