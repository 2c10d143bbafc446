using Mpi.Matching.Settings;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Model;

/// <summary>
/// Adds a model version that is not active, with its audit entry, to a unit of work: retrained by EM
/// (<c>train_model</c>) or learned from reviewers (<c>learn_model</c>). Activating it stays a steward's separate,
/// audited step. Shared by the service and by <c>learn --store</c>, which writes to the service's file directly.
/// </summary>
public static class CandidateVersion
{
    public static void Add(MpiDbContext db, MatchModel model, string actor, AuditAction action, string? reason, string? basedOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(model);
        db.ModelVersions.Add(new ModelVersionEntity
        {
            Version = model.Version, Json = MatchModelJson.Serialize(model), CreatedAt = now, CreatedBy = actor, IsActive = false, BasedOnVersion = basedOn,
        });
        db.AuditEntries.Add(new AuditEntryEntity { At = now, Actor = actor, Action = action, Subject = model.Version, Outcome = "stored", Reason = reason });
    }
}
