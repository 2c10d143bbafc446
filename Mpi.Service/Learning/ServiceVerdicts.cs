using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence;

namespace Mpi.Service.Learning;

/// <summary>
/// What <c>learn --database</c> reads from the service's SQLite file: every stored record, normalised as the service
/// normalises them, the verdicts of <see cref="ReviewQueueLabels"/>, and the active model version (the one the
/// reviewers' pairs were scored under). Read only: nothing is migrated or written.
/// </summary>
internal static class ServiceVerdicts
{
    public static async Task<(IReadOnlyList<NormalizedRecord> Records, IReadOnlyList<PairLabelsCsv.PairLabel> Labels, MatchModel? Active)> ReadAsync(
        string databasePath, TimeProvider time, CancellationToken cancellation)
    {
        var options = new DbContextOptionsBuilder<MpiDbContext>()
            .UseSqlite(SqliteConnectionStrings.For(databasePath, readOnly: true)).Options;
        await using var db = new MpiDbContext(options);
        var normalizer = new RecordNormalizer(time);
        var stored = await db.SourceRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellation);
        var records = stored.Select(r => normalizer.Normalize(r.ToPatientRecord(), ReceiptDetail.SetAsideOnly).Record).ToArray();
        var active = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive).Select(m => m.Json).SingleOrDefaultAsync(cancellation);
        return (records, await ReviewQueueLabels.ReadAsync(db, cancellation), active is null ? null : MatchModelJson.Deserialize(active));
    }
}
