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
        await using var db = ServiceFileRecords.OpenReadOnly(databasePath);
        var (_, records, active) = await ServiceFileRecords.ReadAsync(db, time, cancellation);
        return (records, await ReviewQueueLabels.ReadAsync(db, cancellation), active);
    }
}
