using Microsoft.EntityFrameworkCore;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Persistence;

namespace Mpi.Service.Desks;

/// <summary>The auditor's page over the audit table (keys and outcomes only, never demographics), newest first.</summary>
public sealed class AuditTrail(MpiDbContext db) : IAuditTrail
{
    public const int MaxRows = 1000;

    public async Task<IReadOnlyList<AuditRow>> ListAsync(AuditQuery query, CancellationToken cancellation)
    {
        var rows = db.AuditEntries.AsNoTracking().AsQueryable();
        if (query.Actor is { Length: > 0 } actor) rows = rows.Where(a => a.Actor == actor);
        if (query.Action is { Length: > 0 } word)
        {
            // A word that names no action matches no row (it is a filter typed by hand, not an error).
            if (StoredWords.FindAuditAction(word) is not { } action) return [];
            rows = rows.Where(a => a.Action == action);
        }
        if (query.Subject is { Length: > 0 } subject) rows = rows.Where(a => a.Subject.StartsWith(subject));
        if (query.From is { } from) rows = rows.Where(a => a.At >= from);
        if (query.To is { } to) rows = rows.Where(a => a.At < to);
        // Ids grow with time, so the id orders newest first without comparing converted timestamps.
        var found = await rows.OrderByDescending(a => a.Id).Take(Math.Clamp(query.Take, 1, MaxRows)).ToListAsync(cancellation);
        return [.. found.Select(a => new AuditRow(a.Id, a.At, a.Actor, StoredWords.Of(a.Action), a.Subject, a.Outcome, a.Reason))];
    }

    public IReadOnlyList<string> Actions => StoredWords.AuditActionWordList;
}
