namespace Mpi.ReviewUi.Desks;

/// <summary>The steward's view of the model: the active version, its history, preview data and threshold changes.</summary>
public interface IModelDesk
{
    Task<ModelSummary> ActiveAsync(CancellationToken cancellation);

    Task<IReadOnlyList<ModelSummary>> VersionsAsync(CancellationToken cancellation);

    /// <summary>The latest match scores and the latest reviewers' answers (at most <paramref name="recentScores"/> each), for the threshold preview.</summary>
    Task<ThresholdPreviewData> PreviewDataAsync(int recentScores, CancellationToken cancellation);

    /// <summary>A new version with these thresholds, activated and audited; refused when another version became active.</summary>
    /// <param name="autoLink">The new auto-link threshold; null keeps the active one.</param>
    Task<DeskResult> UpdateThresholdsAsync(string expectedActiveVersion, double? autoLink, double? review, string? reason, string actor,
        CancellationToken cancellation);

    /// <summary>Retrains by EM on the stored records and stores the result, not active; returns its version.</summary>
    Task<string> RetrainAsync(string actor, CancellationToken cancellation);

    /// <summary>
    /// Trains the learned re-scorer on the reviewers' verdicts under the active version and stores the active version
    /// with it, not active; the report says how it did and which version was stored (or why nothing was).
    /// </summary>
    Task<LearningReport> LearnAsync(string actor, CancellationToken cancellation);

    /// <summary>The stored <paramref name="version"/> beside the active one, or null when there is no such version.</summary>
    Task<ModelComparison?> CompareAsync(string version, CancellationToken cancellation);

    /// <summary>Activates a stored version (a retrained one, or a roll-back); refused when another version became active.</summary>
    Task<DeskResult> ActivateAsync(string version, string expectedActiveVersion, string? reason, string actor, CancellationToken cancellation);
}
