namespace Mpi.Service.Persistence.Entities;

/// <summary>An enterprise person: an opaque, stable id. Demographics live on its source records.</summary>
public sealed class PersonEntity
{
    public required string Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when a steward merged this person into another; the id stays valid and resolves to the survivor.</summary>
    public string? MergedIntoId { get; set; }
    /// <summary>Set when its last record was linked elsewhere or unlinked away; the id stays known.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>Optimistic concurrency: bumped on every change to the person or its links.</summary>
    public int Version { get; set; }

    /// <summary>Neither merged nor retired (computed, not stored).</summary>
    public bool IsActive => MergedIntoId is null && RetiredAt is null;
}
