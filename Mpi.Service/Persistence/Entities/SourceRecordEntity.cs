namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// One registry's record for one local id, as received (latest version): the demographics exactly as sent, so that
/// the record can be shown, re-normalised under a newer normaliser and explained. Unique on (registry, local id).
/// </summary>
public sealed class SourceRecordEntity
{
    public long Id { get; set; }
    public required string Registry { get; set; }
    public required string LocalId { get; set; }
    public required string PersonId { get; set; }
    /// <summary>1 for the first message, bumped by every update that changed the demographics.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The registry's event time of the demographics held (RegisterRequest.source_event_time); null when none was sent.</summary>
    public DateTimeOffset? SourceEventAt { get; set; }

    /// <summary>Set while the registry has the record deactivated (deleted or inactive): kept, not matched on.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public string? GivenName { get; set; }
    public string? MiddleName { get; set; }
    public string? FamilyName { get; set; }
    public string? Suffix { get; set; }
    public string? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? AddressLine { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? NationalId { get; set; }

    /// <summary>The identifiers with type and authority, as received, as JSON (<see cref="Persistence.StoredIdentifiers"/>); null when none.</summary>
    public string? Identifiers { get; set; }
}
