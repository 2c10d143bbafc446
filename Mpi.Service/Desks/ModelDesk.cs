using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Settings;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Model;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Learning;
using Mpi.Service.Review;

namespace Mpi.Service.Desks;

/// <summary>The steward pages over the model versions service: thresholds, versions and the preview's data.</summary>
public sealed class ModelDesk(ModelVersions versions, ModelRetraining retraining, ModelLearning learning, ModelComparer comparer, MpiDbContext db) : IModelDesk
{
    public async Task<ModelSummary> ActiveAsync(CancellationToken cancellation)
    {
        var (entity, model) = await versions.GetAsync(null, cancellation) ?? throw new InvalidOperationException("no active model version");
        return Summary(entity, model);
    }

    public async Task<IReadOnlyList<ModelSummary>> VersionsAsync(CancellationToken cancellation) =>
        [.. (await versions.ListAsync(0, 500, cancellation)).Select(e => Summary(e, MatchModelJson.Deserialize(e.Json)))];

    public async Task<ThresholdPreviewData> PreviewDataAsync(int recentScores, CancellationToken cancellation)
    {
        var recent = await db.LinkEvents.AsNoTracking().Where(e => e.Probability != null && (e.Kind == LinkKind.New || e.Kind == LinkKind.AutoLink || e.Kind == LinkKind.RuleLink))
            .OrderByDescending(e => e.Id).Take(recentScores).Select(e => new { Probability = e.Probability!.Value, Rule = e.Rule != null, e.Traits })
            .ToListAsync(cancellation);
        var reviewed = await db.ReviewTasks.AsNoTracking().Where(t => t.State == TaskState.Resolved).OrderByDescending(t => t.Id).Take(recentScores)
            .Select(t => new ReviewedScore(t.Probability, t.Resolution != ReviewResolutionKind.DifferentPerson)).ToListAsync(cancellation);
        var open = await db.ReviewTasks.CountAsync(t => t.State != TaskState.Resolved, cancellation);
        var falseMerges = await FalseMergeRate.EstimateAsync(db, cancellation);
        return new ThresholdPreviewData([.. recent.Select(e => Decision(e.Probability, e.Rule, e.Traits ?? DecisionTraits.None))], reviewed, open,
            falseMerges is null ? null : new FalseMergeFigure(falseMerges.Checked, falseMerges.Rejected, falseMerges.Rate, falseMerges.Low, falseMerges.High));
    }

    private static RecentDecision Decision(double probability, bool rule, DecisionTraits traits) => new(probability, rule,
        traits.HasFlag(DecisionTraits.Guarded), traits.HasFlag(DecisionTraits.Ambiguous),
        traits.HasFlag(DecisionTraits.LearnedLink) ? LearnedVerdict.Link : traits.HasFlag(DecisionTraits.LearnedNew) ? LearnedVerdict.New : LearnedVerdict.None,
        traits.HasFlag(DecisionTraits.MergeQuestion), traits.HasFlag(DecisionTraits.QualitySampled), traits.HasFlag(DecisionTraits.Bridged));

    public async Task<DeskResult> UpdateThresholdsAsync(string expectedActiveVersion, double? autoLink, double? review, string? reason, string actor,
        CancellationToken cancellation)
    {
        if (StatedReasons.Check(reason, required: false) is { } unstated) return DeskRefusals.Of(unstated, db);
        var updated = await versions.UpdateThresholdsAsync(expectedActiveVersion, autoLink, review, null, reason, actor, cancellation);
        return DeskRefusals.Of(updated.Refusal, db);
    }

    public async Task<string> RetrainAsync(string actor, CancellationToken cancellation) => (await retraining.RetrainAsync(actor, cancellation)).Version;

    public async Task<LearningReport> LearnAsync(string actor, CancellationToken cancellation)
    {
        var learned = await learning.LearnAsync(actor, cancellation);
        return learned.Value is { } stored ? LearningReports.Of(stored) : LearningReport.Refused((await ActiveAsync(cancellation)).Version, learned.Refusal!.Message);
    }

    public async Task<ModelComparison?> CompareAsync(string version, CancellationToken cancellation)
    {
        if (await versions.GetAsync(version, cancellation) is not { } candidate) return null;
        var (activeEntity, active) = await versions.GetAsync(null, cancellation) ?? throw new InvalidOperationException("no active model version");
        var (levels, pairs) = await comparer.CompareAsync(active, candidate.Model, cancellation);
        var training = candidate.Model.Training is { } t
            ? $"{t.Method} on {t.Records} records: {t.RandomPairs} random and {t.BlockedPairs} blocked pairs, {t.Iterations} iterations, {(t.Converged ? "converged" : "not converged")}"
            : null;
        return new ModelComparison(Summary(activeEntity, active), Summary(candidate.Entity, candidate.Model), training, levels, pairs);
    }

    public async Task<DeskResult> ActivateAsync(string version, string expectedActiveVersion, string? reason, string actor, CancellationToken cancellation)
    {
        var activated = await versions.ActivateAsync(version, expectedActiveVersion, reason, actor, cancellation);
        return DeskRefusals.Of(activated.Refusal, db);
    }

    private static ModelSummary Summary(ModelVersionEntity e, MatchModel model) => new(e.Version, model.Thresholds.AutoLink, model.Thresholds.Review,
        e.CreatedAt, e.CreatedBy, e.IsActive, e.ActivatedAt, e.BasedOnVersion, model.Description);
}
