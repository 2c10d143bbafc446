using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Matching;

/// <summary>
/// The model every request uses, read once from the database (the active version) — or, on a new database, the
/// shipped default, stored as the first version so that every decision names a version that exists.
/// </summary>
public sealed class ActiveModelHolder(TimeProvider time)
{
    private ActiveModel? _current;

    public ActiveModel Current => _current ?? throw new InvalidOperationException("the model is not loaded yet");

    public bool IsLoaded => _current is not null;

    /// <summary>
    /// Makes <paramref name="model"/> the active version (stored if new; the previous version stays for roll-back),
    /// audited as <paramref name="actor"/>, in a write transaction of its own. Used by <c>serve --model</c> to start on
    /// a model trained offline.
    /// </summary>
    public async Task ActivateAsync(MpiDbContext db, WriteGate gate, MatchModel model, string actor, CancellationToken cancellation)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var activated = await WriteActivationAsync(db, model, actor, cancellation);
        await transaction.CommitAsync(cancellation);
        Use(activated);
    }

    /// <summary>
    /// Writes <paramref name="model"/> as the active version inside the caller's write transaction (stored if new, the
    /// others marked inactive, audited); the caller commits, then <see cref="Use"/>s the model returned.
    /// </summary>
    /// <param name="basedOn">The version a steward derived this one from, if any.</param>
    public async Task<ActiveModel> WriteActivationAsync(MpiDbContext db, MatchModel model, string actor, CancellationToken cancellation,
        string? basedOn = null, string? reason = null)
    {
        // Resolved first: a model this build cannot score with (unknown comparison levels, a learned section that does
        // not fit its comparisons) throws here, before any version is marked active.
        var resolved = new ActiveModel(model);
        var now = time.GetUtcNow();
        await db.ModelVersions.Where(m => m.IsActive).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsActive, false), cancellation);
        var stored = await db.ModelVersions.SingleOrDefaultAsync(m => m.Version == model.Version, cancellation);
        if (stored is null)
        {
            stored = new ModelVersionEntity
            {
                Version = model.Version, Json = MatchModelJson.Serialize(model), CreatedAt = now, CreatedBy = actor, BasedOnVersion = basedOn,
            };
            db.ModelVersions.Add(stored);
        }
        stored.IsActive = true;
        stored.ActivatedAt = now;
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = now, Actor = actor, Action = AuditAction.ActivateModel, Subject = model.Version, Outcome = "active", Reason = reason,
        });
        await db.SaveChangesAsync(cancellation);
        return resolved;
    }

    /// <summary>Every request from now on uses <paramref name="model"/> (once its activation is committed).</summary>
    public void Use(ActiveModel model)
    {
        // In turn with SyncAsync: a sync that read the version before this activation committed must not put it back after.
        _syncing.Wait();
        try
        {
            _current = model;
        }
        finally
        {
            _syncing.Release();
        }
    }

    private readonly SemaphoreSlim _syncing = new(1, 1);

    /// <summary>
    /// The version active in the database, made current here when another process (a replica on the same database)
    /// activated it: read inside a write transaction, exactly the one every decision of that transaction must use.
    /// Replicas had gone on deciding under a version a steward had replaced, until restarted.
    /// </summary>
    public async Task<ActiveModel> SyncAsync(MpiDbContext db, CancellationToken cancellation)
    {
        var version = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive).Select(m => m.Version).SingleOrDefaultAsync(cancellation);
        if (version is null || version == _current?.Model.Version) return Current;
        await _syncing.WaitAsync(cancellation);
        try
        {
            // Read again in turn: an activation that committed meanwhile has put its version here already.
            var active = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive).Select(m => new { m.Version, m.Json }).SingleOrDefaultAsync(cancellation);
            if (active is null || active.Version == _current?.Model.Version) return Current;
            var model = new ActiveModel(MatchModelJson.Deserialize(active.Json));
            _current = model;
            return model;
        }
        finally
        {
            _syncing.Release();
        }
    }

    public async Task LoadAsync(MpiDbContext db, CancellationToken cancellation)
    {
        var active = await db.ModelVersions.SingleOrDefaultAsync(m => m.IsActive, cancellation);
        if (active is null)
        {
            var model = ActiveModel.Default();
            active = new ModelVersionEntity
            {
                Version = model.Version, Json = MatchModelJson.Serialize(model), CreatedAt = time.GetUtcNow(), CreatedBy = "system", IsActive = true,
                ActivatedAt = time.GetUtcNow(),
            };
            db.ModelVersions.Add(active);
            await db.SaveChangesAsync(cancellation);
        }
        _current = new ActiveModel(MatchModelJson.Deserialize(active.Json));
    }
}
