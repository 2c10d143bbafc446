using Mpi.Service.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Model;
using Mpi.Service.Persistence;

namespace Mpi.Service.Learning;

/// <summary>
/// <c>learn --database … --store</c>: writes the learned version into the service's SQLite file as an inactive model
/// version derived from the one it learned under, audited as <c>learn_model</c> under the named actor. The file is
/// not migrated (a running service owns that), and nothing is activated.
/// </summary>
internal static class LearnedVersionStore
{
    public static async Task<string> StoreAsync(string databasePath, LearningOutcome outcome, string actor, TimeProvider time, CancellationToken cancellation)
    {
        await using var db = DatabaseTarget.Of(databasePath).CreateContext();
        var now = time.GetUtcNow();
        var version = outcome.AsVersion(now);
        CandidateVersion.Add(db, version, actor, AuditAction.LearnModel, version.Description, outcome.Model.Version, now);
        await db.SaveChangesAsync(cancellation);
        return version.Version;
    }
}
