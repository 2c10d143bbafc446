using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// What a reviewer's answer rests on, as one number: the incoming record's version and person, and each candidate
/// person's version and state. Person versions grow at every change to a person (a record linked, unlinked, updated
/// or deactivated, a merge or unmerge), so a task whose stamp moved shows other evidence than the reviewer saw:
/// Cornelius's person had taken an updated record of a girl born in 2011 on an answer given to the old one.
/// </summary>
public static class ReviewEvidenceStamp
{
    public static async Task<long> OfAsync(MpiDbContext db, ReviewTaskEntity task, CancellationToken cancellation)
    {
        var candidates = task.CandidatePersonIds.PersonIds;
        var incoming = await db.SourceRecords.AsNoTracking().Where(r => r.Id == task.SourceRecordId)
            .Select(r => new { r.Version, r.PersonId }).SingleAsync(cancellation);
        var persons = await db.Persons.AsNoTracking().Where(p => candidates.Contains(p.Id))
            .Select(p => new { p.Id, p.Version, p.MergedIntoId, p.RetiredAt }).ToListAsync(cancellation);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{incoming.Version}@{incoming.PersonId}");
        foreach (var p in persons.OrderBy(p => p.Id, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"|{p.Id}:{p.Version}:{p.MergedIntoId}:{p.RetiredAt is not null}");
        return BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// For a task never read (no stamp: answered straight from a listing, or opened before stamps were kept): whether
    /// the history moved the incoming record or a candidate's records since the task was opened. The registration that
    /// opened it wrote its own events at the task's creation time, so only later ones count.
    /// </summary>
    public static Task<bool> ChangedSinceOpenedAsync(MpiDbContext db, ReviewTaskEntity task, CancellationToken cancellation)
    {
        var candidates = task.CandidatePersonIds.PersonIds;
        return db.LinkEvents.AsNoTracking().AnyAsync(e => e.At > task.CreatedAt
            && (e.SourceRecordId == task.SourceRecordId || candidates.Contains(e.ToPersonId) || (e.FromPersonId != null && candidates.Contains(e.FromPersonId))),
            cancellation);
    }
}
