using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Settings;
using Mpi.Service.Matching;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Model;

/// <summary>
/// The steward's side of the model: read any version, list them, derive a new version with other thresholds, and
/// activate a version (including rolling back). Every change names the version the steward looked at; if another
/// became active meanwhile nothing changes. Changes wait for the registration gate, so no registration is decided
/// half under one model and half under another.
/// </summary>
public sealed class ModelVersions(MpiDbContext db, ActiveModelHolder holder, WriteGate gate, TimeProvider time)
{
    public async Task<(ModelVersionEntity Entity, MatchModel Model)?> GetAsync(string? version, CancellationToken cancellation)
    {
        var entity = await db.ModelVersions.AsNoTracking()
            .SingleOrDefaultAsync(m => version == null ? m.IsActive : m.Version == version, cancellation);
        return entity is null ? null : (entity, MatchModelJson.Deserialize(entity.Json));
    }

    public async Task<IReadOnlyList<ModelVersionEntity>> ListAsync(int skip, int take, CancellationToken cancellation) =>
        (await db.ModelVersions.AsNoTracking().ToListAsync(cancellation))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Version, StringComparer.Ordinal).Skip(skip).Take(take).ToArray();

    /// <summary>A new version with the given thresholds (others kept), activated at once.</summary>
    public async Task<Outcome<MatchModel>> UpdateThresholdsAsync(string expectedActive, double? autoLink, double? review,
        double? margin, string? reason, string actor, CancellationToken cancellation)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var active = (await holder.SyncAsync(db, cancellation)).Model;
        if (active.Version != expectedActive) return Refusal.Stale($"the active version is {active.Version}");
        var thresholds = active.Thresholds with
        {
            AutoLink = autoLink ?? active.Thresholds.AutoLink,
            Review = review ?? active.Thresholds.Review,
            AmbiguityMargin = margin ?? active.Thresholds.AmbiguityMargin,
        };
        // Written as ranges a value must be in, so that NaN (in none) is refused: it had passed "<= 0 or >= 1".
        if (thresholds.Review is not (> 0 and < 1) || thresholds.AutoLink is not (> 0 and < 1) || thresholds.Review > thresholds.AutoLink)
            return Refusal.Invalid("thresholds", "thresholds must satisfy 0 < review <= auto_link < 1");
        if (thresholds.AmbiguityMargin is not (>= 0 and < 1)) return Refusal.Invalid("thresholds", "ambiguity_margin must be in [0, 1)");
        var now = time.GetUtcNow();
        var model = active with
        {
            Version = $"{active.Version}+t{now:yyyyMMddHHmmssfff}", CreatedAt = now, Thresholds = thresholds,
            Description = reason ?? $"Thresholds changed from {active.Version}",
        };
        var activated = await holder.WriteActivationAsync(db, model, actor, cancellation, basedOn: active.Version, reason: reason);
        await transaction.CommitAsync(cancellation);
        holder.Use(activated);
        return model;
    }

    /// <summary>
    /// Stores a model (retrained by EM, or with a re-scorer learned from reviewers) as a version that is not active:
    /// the steward compares it with the active one before activating it. Audited as <paramref name="action"/>
    /// (<see cref="AuditAction.TrainModel"/> or <see cref="AuditAction.LearnModel"/>).
    /// </summary>
    public async Task StoreCandidateAsync(MatchModel model, string actor, string? reason, CancellationToken cancellation, AuditAction action = AuditAction.TrainModel,
        string? basedOn = null)
    {
        CandidateVersion.Add(db, model, actor, action, reason, basedOn, time.GetUtcNow());
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>Makes a stored version active again (roll back or forward).</summary>
    public async Task<Outcome<MatchModel>> ActivateAsync(string version, string expectedActive, string? reason, string actor,
        CancellationToken cancellation)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var active = (await holder.SyncAsync(db, cancellation)).Model;
        if (active.Version != expectedActive) return Refusal.Stale($"the active version is {active.Version}");
        var stored = await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(m => m.Version == version, cancellation);
        if (stored is null) return Refusal.NotFound("no such model version");
        var model = MatchModelJson.Deserialize(stored.Json);
        var activated = await holder.WriteActivationAsync(db, model, actor, cancellation, reason: reason);
        await transaction.CommitAsync(cancellation);
        holder.Use(activated);
        return model;
    }
}
