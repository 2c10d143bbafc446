namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// Who did what, when and why: every decision and every read of a person. Holds keys and outcomes only, never
/// demographics. Written in the same transaction as the change it records.
/// </summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required AuditAction Action { get; set; }
    /// <summary>The record key (registry/local id) or person id acted on.</summary>
    public required string Subject { get; set; }
    public required string Outcome { get; set; }
    public string? Reason { get; set; }
}
