using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Matching.Training;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;

namespace Mpi.Service.Model;

/// <summary>
/// Retrains the model by EM (no labels) on the stored records, starting from the active model (its thresholds,
/// blocking and rules carry over), and stores it as an inactive version for the steward to compare and activate.
/// </summary>
public sealed class ModelRetraining(MpiDbContext db, RecordNormalizer normalizer, ActiveModelHolder holder, ModelVersions versions, TimeProvider time)
{
    /// <summary>The most recent records trained on: enough for stable m and u, small enough to answer a page in seconds.</summary>
    public const int MaxRecords = 100_000;

    public async Task<MatchModel> RetrainAsync(string actor, CancellationToken cancellation)
    {
        var stored = await db.SourceRecords.AsNoTracking().OrderByDescending(r => r.Id).Take(MaxRecords).ToListAsync(cancellation);
        var records = stored.Select(r => normalizer.Normalize(r.ToPatientRecord(), ReceiptDetail.SetAsideOnly).Record).ToArray();
        TermFrequencies.Apply(records);
        var start = holder.Current.Model;
        // EM is CPU-bound: keep it off the request's synchronisation context.
        var model = await Task.Run(() => ModelTrainer.Train(records, new TrainingOptions(), time, start), cancellation);
        await versions.StoreCandidateAsync(model, actor, $"retrained by EM on {records.Length} stored records from {start.Version}", cancellation);
        return model;
    }
}
