namespace Mpi.Service.Persistence.Entities;

/// <summary>A model version (the JSON a steward reads), who made it, and whether it is the active one.</summary>
public sealed class ModelVersionEntity
{
    public required string Version { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public bool IsActive { get; set; }
    /// <summary>When it was last activated; null if it never was.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }
    /// <summary>The version a steward derived it from (threshold changes); null for a trained or shipped model.</summary>
    public string? BasedOnVersion { get; set; }
}
