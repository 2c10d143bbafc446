using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// What the batch verbs read from a service's database (an SQLite file, or PostgreSQL) (<c>learn --database</c>, <c>dedupe --database</c>): the file
/// opened read-only (nothing migrated or written), every stored record in id order, normalised as the service
/// normalises them, and the active model version.
/// </summary>
public static class ServiceFileRecords
{
    public static MpiDbContext OpenReadOnly(string databasePath) => DatabaseTarget.Of(databasePath).CreateContext(readOnly: true);

    /// <summary>The stored rows, their normalised records (same order) and the active model (null when none is active).</summary>
    public static async Task<(List<SourceRecordEntity> Stored, NormalizedRecord[] Records, MatchModel? Active)> ReadAsync(MpiDbContext db, TimeProvider time,
        CancellationToken cancellation)
    {
        var normalizer = new RecordNormalizer(time);
        var stored = await db.SourceRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellation);
        var records = stored.Select(r => normalizer.Normalize(r.ToPatientRecord(), ReceiptDetail.SetAsideOnly).Record).ToArray();
        var active = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive).Select(m => m.Json).SingleOrDefaultAsync(cancellation);
        return (stored, records, active is null ? null : MatchModelJson.Deserialize(active));
    }
}
