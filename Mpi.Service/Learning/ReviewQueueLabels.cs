using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Learning;

/// <summary>
/// The verdicts people gave in the service, as labelled pairs of records: each resolved review task (same_person or
/// merge_persons: the task's record and the person it was linked to; different_person: the task's record and its best candidate),
/// each unlink and unmerge as a negative (the record and the person it left), each steward merge as a positive. A
/// person is represented by its oldest record still with it — the one a reviewer most likely compared against.
/// Persons that no longer hold a record (merged away) give no pair.
/// </summary>
public static class ReviewQueueLabels
{
    public static async Task<IReadOnlyList<PairLabelsCsv.PairLabel>> ReadAsync(MpiDbContext db, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await db.SourceRecords.AsNoTracking()
            .Select(r => new { r.Id, r.Registry, r.LocalId, r.PersonId }).ToListAsync(cancellation);
        var byId = records.ToDictionary(r => r.Id);
        var oldestOf = records.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).Select(r => r.Id).ToArray());

        var verdicts = new List<(long Record, string? Person, bool Same)>();
        var tasks = await db.ReviewTasks.AsNoTracking().Where(t => t.State == TaskState.Resolved && t.Resolution != null)
            .Select(t => new { t.SourceRecordId, t.Resolution, t.ResolvedPersonId, t.CandidatePersonIds }).ToListAsync(cancellation);
        foreach (var t in tasks)
        {
            var same = t.Resolution is ReviewResolutionKind.SamePerson or ReviewResolutionKind.MergePersons;
            verdicts.Add((t.SourceRecordId, same ? t.ResolvedPersonId : t.CandidatePersonIds.Best, same));
        }
        var events = await db.LinkEvents.AsNoTracking().Where(e => e.Kind == LinkKind.Unlink || e.Kind == LinkKind.Unmerge || e.Kind == LinkKind.StewardMerge)
            .Select(e => new { e.SourceRecordId, e.Kind, e.FromPersonId, e.ToPersonId }).ToListAsync(cancellation);
        foreach (var e in events)
        {
            var merge = e.Kind == LinkKind.StewardMerge;
            // A merge moved the record onto ToPerson (positive); an unlink or unmerge took it off FromPerson (negative).
            verdicts.Add((e.SourceRecordId, merge ? e.ToPersonId : e.FromPersonId, merge));
        }

        var labels = new List<PairLabelsCsv.PairLabel>();
        foreach (var (recordId, person, same) in verdicts)
        {
            if (person is null || !byId.TryGetValue(recordId, out var record) || !oldestOf.TryGetValue(person, out var members)) continue;
            var other = members.FirstOrDefault(id => id != recordId);
            if (other == 0) continue;
            labels.Add(new PairLabelsCsv.PairLabel((record.Registry, record.LocalId), (byId[other].Registry, byId[other].LocalId), same));
        }
        return labels;
    }
}
