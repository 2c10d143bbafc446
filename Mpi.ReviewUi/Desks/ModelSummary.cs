namespace Mpi.ReviewUi.Desks;

/// <summary>A model version: thresholds, who made it, when, from which version, whether it is active.</summary>
public sealed record ModelSummary(string Version, double AutoLink, double Review, DateTimeOffset CreatedAt, string CreatedBy, bool IsActive,
    DateTimeOffset? ActivatedAt, string? BasedOnVersion, string Description);
