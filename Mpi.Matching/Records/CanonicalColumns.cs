namespace Mpi.Matching.Records;

/// <summary>The canonical record columns (docs/decisions.md), in file order. Header names are lower-case snake_case.</summary>
public static class CanonicalColumns
{
    public const string Registry = "registry";
    public const string LocalId = "local_id";
    public const string GivenName = "given_name";
    public const string MiddleName = "middle_name";
    public const string FamilyName = "family_name";
    public const string Suffix = "suffix";
    public const string BirthDate = "birth_date";
    public const string Sex = "sex";
    public const string AddressLine = "address_line";
    public const string AddressLine2 = "address_line2";
    public const string City = "city";
    public const string State = "state";
    public const string PostalCode = "postal_code";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string NationalId = "national_id";

    /// <summary>
    /// A file's identifiers with their type and authority (<see cref="RecordIdentifier"/>): a list, not one field of the
    /// record, so it is a column of files (<see cref="InFiles"/>) and not of <see cref="All"/>.
    /// </summary>
    public const string Identifiers = "identifiers";

    /// <summary>The record's fields of one value each (one receipt each when normalised), in the order a written file uses.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Registry, LocalId, GivenName, MiddleName, FamilyName, Suffix, BirthDate, Sex,
        AddressLine, AddressLine2, City, State, PostalCode, Phone, Email, NationalId,
    ];

    /// <summary>The columns of a canonical file, in the order a written file uses: <see cref="All"/>, then <see cref="Identifiers"/>.</summary>
    public static readonly IReadOnlyList<string> InFiles = [.. All, Identifiers];
}
