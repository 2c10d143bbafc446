using Microsoft.EntityFrameworkCore;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Security;

namespace Mpi.Service.ExceptionQueue;

/// <summary>
/// The exception queue: registrations refused as invalid are kept here (the only trace of them), listed per
/// registry, and closed either by the corrected message (the registrar closes the open exceptions of a key it
/// registers, in its own transaction: <see cref="Registration.RegistrationRows.CloseExceptions"/>) or by hand with a
/// note. A key sees its registries' exceptions and the ones it sent under no registry it holds.
/// </summary>
public sealed class RegistrationExceptions(IServiceScopeFactory scopes, WriteGate gate, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxNoteLength = 1000;

    /// <summary>Keeps a refused registration; returns once it is committed, so the refusal is answered only when it is kept.</summary>
    public async Task KeepAsync(RefusedRegistration refused, CancellationToken cancellation)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation, changesIdentities: false);
        db.RegistrationExceptions.Add(new RegistrationExceptionEntity
        {
            Registry = refused.Registry, KeyRegistry = Cut(refused.KeyRegistry, 64), KeyLocalId = Cut(refused.KeyLocalId, 100),
            MessageId = refused.MessageId is { Length: > 0 } id ? Cut(id, 128) : null, Sender = refused.Sender, ReceivedAt = time.GetUtcNow(),
            Violations = StoredExceptionFields.Violations(refused.Violations), Receipts = StoredExceptionFields.Receipts(refused.Receipts),
            State = ExceptionState.Open,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>A page of exceptions, oldest first, and the id to continue after (null on the last page).</summary>
    public async Task<Outcome<ExceptionPage>> ListAsync(ExceptionQuery query, RegistryScope scope, string caller, CancellationToken cancellation)
    {
        if (query.Registry is { Length: > 0 } registry && !scope.Sees(registry))
            return new Refusal(RefusalKind.NotAllowed, $"the key may not see registry {registry}") { Registry = registry };
        using var services = scopes.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<MpiDbContext>();
        var rows = Visible(db, scope, caller).Where(e => e.Id > query.AfterId);
        if (query.Registry is { } only) rows = rows.Where(e => e.Registry == only);
        if (query.State is { } state) rows = rows.Where(e => e.State == state);
        var page = await rows.OrderBy(e => e.Id).Take(query.PageSize + 1).ToListAsync(cancellation);
        var items = page.Take(query.PageSize).Select(RegistrationException.Of).ToArray();
        return new ExceptionPage(items, page.Count > query.PageSize ? items[^1].Id : null);
    }

    /// <summary>One exception the caller may see, or null.</summary>
    public async Task<RegistrationException?> FindAsync(long id, RegistryScope scope, string caller, CancellationToken cancellation)
    {
        using var services = scopes.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<MpiDbContext>();
        return await Visible(db, scope, caller).FirstOrDefaultAsync(e => e.Id == id, cancellation) is { } row ? RegistrationException.Of(row) : null;
    }

    /// <summary>Closes an open exception by hand with a note, audited.</summary>
    public async Task<Outcome<RegistrationException>> ResolveAsync(long id, string note, string actor, RegistryScope scope, string caller,
        CancellationToken cancellation)
    {
        note = note.Trim();
        if (note.Length == 0) return Refusal.Invalid("note", "missing: say why it is closed without the corrected message");
        if (note.Length > MaxNoteLength) return Refusal.Invalid("note", $"longer than {MaxNoteLength} characters");
        using var services = scopes.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<MpiDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation, changesIdentities: false);
        var row = await Visible(db, scope, caller).AsTracking().FirstOrDefaultAsync(e => e.Id == id, cancellation);
        if (row is null) return Refusal.NotFound("no such exception");
        if (row.State != ExceptionState.Open) return Refusal.WrongState("the exception was resolved already");
        var now = time.GetUtcNow();
        (row.State, row.Resolution, row.ResolvedBy, row.ResolvedAt, row.Note) = (ExceptionState.Resolved, ExceptionResolution.ByHand, actor, now, note);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = now, Actor = actor, Action = AuditAction.ResolveException, Subject = $"exception/{id}", Outcome = "resolved", Reason = note,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return RegistrationException.Of(row);
    }

    /// <summary>The open exceptions per registry (for metrics and the stewards' page): a count and the oldest's time.</summary>
    public IReadOnlyList<OpenExceptions> OpenByRegistry()
    {
        using var services = scopes.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<MpiDbContext>();
        // Ids grow with time: the oldest open exception of a registry is its smallest open id.
        var groups = db.RegistrationExceptions.Where(e => e.State == ExceptionState.Open).GroupBy(e => e.Registry)
            .Select(g => new { Registry = g.Key, Count = g.LongCount(), FirstId = g.Min(e => e.Id) }).ToList();
        var firstIds = groups.Select(g => g.FirstId).ToArray();
        var oldest = db.RegistrationExceptions.Where(e => firstIds.Contains(e.Id)).ToDictionary(e => e.Id, e => e.ReceivedAt);
        return [.. groups.Select(g => new OpenExceptions(g.Registry, g.Count, oldest[g.FirstId])).OrderBy(g => g.Registry, StringComparer.Ordinal)];
    }

    private static IQueryable<RegistrationExceptionEntity> Visible(MpiDbContext db, RegistryScope scope, string caller)
    {
        var rows = db.RegistrationExceptions.AsNoTracking();
        if (scope.Registries is not { } granted) return rows;
        var registries = granted.ToArray();
        return rows.Where(e => registries.Contains(e.Registry) || (e.Registry == "" && e.Sender == caller));
    }

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}

/// <summary>A page of the queue and the id to list after for the next one (null: this was the last).</summary>
public sealed record ExceptionPage(IReadOnlyList<RegistrationException> Items, long? NextAfterId);
