using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persons;

/// <summary>
/// The reads behind a person snapshot, compiled once and untracked: a person read is a handful of small indexed
/// look-ups, and EF Core's per-query work (translating the expression, looking it up in its query cache, tracking
/// what it returns) had cost several times what SQLite spends on them.
/// </summary>
internal static class PersonQueries
{
    public static readonly Func<MpiDbContext, string, string, Task<string?>> PersonIdOfRecord = EF.CompileAsyncQuery(
        (MpiDbContext db, string registry, string localId) =>
            db.SourceRecords.Where(r => r.Registry == registry && r.LocalId == localId).Select(r => r.PersonId).SingleOrDefault());

    public static readonly Func<MpiDbContext, string, Task<PersonEntity?>> Person = EF.CompileAsyncQuery(
        (MpiDbContext db, string personId) => db.Persons.AsNoTracking().SingleOrDefault(p => p.Id == personId));

    public static readonly Func<MpiDbContext, string, IAsyncEnumerable<SourceRecordEntity>> Records = EF.CompileAsyncQuery(
        (MpiDbContext db, string personId) => db.SourceRecords.AsNoTracking().Where(r => r.PersonId == personId));

    /// <summary>
    /// Every event of the person's records, and every event that moved a record onto or off it, with the event's
    /// record, in order. A union of three indexed look-ups: one condition across both tables would scan every event.
    /// </summary>
    public static readonly Func<MpiDbContext, string, IAsyncEnumerable<EventWithRecord>> History = EF.CompileAsyncQuery(
        (MpiDbContext db, string personId) =>
            from e in db.LinkEvents.Where(e => db.SourceRecords.Where(r => r.PersonId == personId).Select(r => r.Id).Contains(e.SourceRecordId))
                .Union(db.LinkEvents.Where(e => e.ToPersonId == personId))
                .Union(db.LinkEvents.Where(e => e.FromPersonId == personId))
            join r in db.SourceRecords on e.SourceRecordId equals r.Id
            orderby e.Id
            select new EventWithRecord(e, r));

    /// <summary>The open (or claimed) review tasks whose incoming record is one of the person's.</summary>
    public static readonly Func<MpiDbContext, string, IAsyncEnumerable<OpenTask>> OpenTasks = EF.CompileAsyncQuery(
        (MpiDbContext db, string personId) =>
            from t in db.ReviewTasks.AsNoTracking()
            join r in db.SourceRecords on t.SourceRecordId equals r.Id
            where r.PersonId == personId && t.State != TaskState.Resolved
            orderby t.Id
            select new OpenTask(t.Id, r.Registry));

    public sealed record EventWithRecord(LinkEventEntity Event, SourceRecordEntity Record);

    public sealed record OpenTask(long Id, string Registry);
}
