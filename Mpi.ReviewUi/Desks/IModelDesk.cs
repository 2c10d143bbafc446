namespace Mpi.ReviewUi.Desks;

/// <summary>The steward's view of the model: the active version, its history, preview data and threshold changes.</summary>
public interface IModelDesk
{
    Task<ModelSummary> ActiveAsync(CancellationToken cancellation);

    Task<IReadOnlyList<ModelSummary>> VersionsAsync(CancellationToken cancellation);

    /// <summary>The latest match scores and the reviewers' past answers, for the threshold preview.</summary>
    Task<ThresholdPreviewData> PreviewDataAsync(int recentScores, CancellationToken cancellation);

    /// <summary>A new version with these thresholds, activated and audited; refused when another version became active.</summary>
    Task<DeskResult> UpdateThresholdsAsync(string expectedActiveVersion, double autoLink, double review, string? reason, string actor,
        CancellationToken cancellation);

    /// <summary>Retrains by EM on the stored records and stores the result, not active; returns its version.</summary>
    Task<string> RetrainAsync(string actor, CancellationToken cancellation);

    /// <summary>The stored <paramref name="version"/> beside the active one, or null when there is no such version.</summary>
    Task<ModelComparison?> CompareAsync(string version, CancellationToken cancellation);

    /// <summary>Activates a stored version (a retrained one, or a roll-back); refused when another version became active.</summary>
    Task<DeskResult> ActivateAsync(string version, string expectedActiveVersion, string? reason, string actor, CancellationToken cancellation);
}

/// <summary>A model version: thresholds, who made it, when, from which version, whether it is active.</summary>
public sealed record ModelSummary(string Version, double AutoLink, double Review, DateTimeOffset CreatedAt, string CreatedBy, bool IsActive,
    DateTimeOffset? ActivatedAt, string? BasedOnVersion, string Description);

/// <summary>Recent best-candidate probabilities, and resolved review tasks as (probability, reviewer said same person).</summary>
public sealed record ThresholdPreviewData(IReadOnlyList<double> RecentScores, IReadOnlyList<ReviewedScore> Reviewed);

public sealed record ReviewedScore(double Probability, bool SamePerson);
