namespace Mpi.Matching.Records;

/// <summary>
/// One registry's demographics for one local id, exactly as the source sent them (not yet normalised).
/// Only <see cref="Registry"/> and <see cref="LocalId"/> are mandatory; every other field may be null or empty.
/// </summary>
public sealed record PatientRecord(string Registry, string LocalId)
{
    public string? GivenName { get; init; }
    public string? MiddleName { get; init; }
    public string? FamilyName { get; init; }
    public string? Suffix { get; init; }
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? AddressLine { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? NationalId { get; init; }

    /// <summary>Identifiers with their type and assigning authority (the national id field is one more, of type NI with no authority).</summary>
    public RecordIdentifiers Identifiers { get; init; } = RecordIdentifiers.None;
}
