using Microsoft.EntityFrameworkCore;
using Mpi.ReviewUi.Accounts;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Desks;

/// <summary>The review UI's users in the MPI database; creations and sign-ins go to the audit trail.</summary>
public sealed class ReviewerDirectory(MpiDbContext db, TimeProvider time) : IReviewerDirectory
{
    public async Task<ReviewerAccount?> FindAsync(string userName, CancellationToken cancellation)
    {
        var entity = await db.Reviewers.AsNoTracking().SingleOrDefaultAsync(r => r.UserName == userName, cancellation);
        return entity is null ? null : ToAccount(entity);
    }

    public Task<bool> AnyAsync(CancellationToken cancellation) => db.Reviewers.AnyAsync(cancellation);

    public async Task<IReadOnlyList<ReviewerAccount>> ListAsync(CancellationToken cancellation) =>
        [.. (await db.Reviewers.AsNoTracking().OrderBy(r => r.UserName).ToListAsync(cancellation)).Select(ToAccount)];

    public async Task<bool> CreateAsync(ReviewerAccount account, string actor, CancellationToken cancellation)
    {
        if (await db.Reviewers.AnyAsync(r => r.UserName == account.UserName, cancellation)) return false;
        var now = time.GetUtcNow();
        db.Reviewers.Add(new ReviewerEntity
        {
            UserName = account.UserName, Role = account.Role, PasswordHash = account.PasswordHash, CreatedAt = now, CreatedBy = actor,
            Registries = Joined(account.Registries),
        });
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = now, Actor = actor, Action = AuditAction.CreateReviewer, Subject = ReviewerRoles.Actor(account.UserName), Outcome = account.Role,
        });
        await db.SaveChangesAsync(cancellation);
        return true;
    }

    public async Task<bool> DisableAsync(string userName, string actor, CancellationToken cancellation)
    {
        var reviewer = await db.Reviewers.SingleOrDefaultAsync(r => r.UserName == userName && r.DisabledAt == null, cancellation);
        if (reviewer is null) return false;
        reviewer.DisabledAt = time.GetUtcNow();
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = reviewer.DisabledAt.Value, Actor = actor, Action = AuditAction.DisableReviewer, Subject = ReviewerRoles.Actor(userName), Outcome = "disabled",
        });
        await db.SaveChangesAsync(cancellation);
        return true;
    }

    public async Task RecordSignInAsync(string userName, bool succeeded, CancellationToken cancellation)
    {
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(), Actor = ReviewerRoles.Actor(userName), Action = AuditAction.SignIn, Subject = "review_ui",
            Outcome = succeeded ? "signed_in" : "refused",
        });
        await db.SaveChangesAsync(cancellation);
    }

    public Task<int> RefusedSignInsSinceAsync(string userName, DateTimeOffset since, CancellationToken cancellation)
    {
        var actor = ReviewerRoles.Actor(userName);
        return db.AuditEntries.CountAsync(a => a.Actor == actor && a.Action == AuditAction.SignIn && a.Outcome == "refused" && a.At >= since, cancellation);
    }

    public async Task<string> StartSessionAsync(string userName, CancellationToken cancellation)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        db.UiSessions.Add(new UiSessionEntity { Id = id, UserName = userName, StartedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellation);
        return id;
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken cancellation)
    {
        var session = await db.UiSessions.SingleOrDefaultAsync(u => u.Id == sessionId && u.EndedAt == null, cancellation);
        if (session is null) return;
        session.EndedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellation);
    }

    public Task<bool> IsSessionOpenAsync(string sessionId, CancellationToken cancellation) =>
        db.UiSessions.AnyAsync(u => u.Id == sessionId && u.EndedAt == null, cancellation);

    public async Task<bool> SetRegistriesAsync(string userName, IReadOnlyList<string>? registries, string actor, CancellationToken cancellation)
    {
        var reviewer = await db.Reviewers.SingleOrDefaultAsync(r => r.UserName == userName, cancellation);
        if (reviewer is null) return false;
        reviewer.Registries = Joined(registries);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(), Actor = actor, Action = AuditAction.SetReviewerRegistries, Subject = ReviewerRoles.Actor(userName),
            Outcome = reviewer.Registries ?? "*",
        });
        await db.SaveChangesAsync(cancellation);
        return true;
    }

    public Task<string?> QueueFilterAsync(string userName, CancellationToken cancellation) =>
        db.Reviewers.AsNoTracking().Where(r => r.UserName == userName).Select(r => r.QueueFilter).SingleOrDefaultAsync(cancellation);

    public async Task SaveQueueFilterAsync(string userName, string? queryString, CancellationToken cancellation)
    {
        // PostgreSQL refuses a longer value outright: /queue?registry=<600 characters> had been a 500 there.
        // A longer view (made by hand: no form makes one) is not remembered.
        if (queryString?.Length > ReviewerEntity.MaxQueueFilterLength) return;
        await db.Reviewers.Where(r => r.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(r => r.QueueFilter, queryString), cancellation);
    }

    private static string? Joined(IReadOnlyList<string>? registries) => registries is { Count: > 0 } ? string.Join(',', registries) : null;

    private static ReviewerAccount ToAccount(ReviewerEntity e) => new(e.UserName, e.Role, e.PasswordHash, e.DisabledAt,
        e.Registries?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
