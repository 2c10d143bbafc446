namespace Mpi.Tools.Synthetic;

/// <summary>The true demographics of one synthetic person, lower-case as in the frequency tables.</summary>
internal sealed record SyntheticPerson
{
    public required string PersonId { get; init; }
    public required string GivenName { get; init; }
    public string? MiddleName { get; init; }
    public required string FamilyName { get; init; }

    /// <summary>SR or JR for fathers and sons; shown on some of their records only.</summary>
    public string? Suffix { get; init; }

    /// <summary>M or F.</summary>
    public required string Sex { get; init; }

    public required DateOnly BirthDate { get; init; }
    public required SyntheticAddress Address { get; init; }

    /// <summary>Ten digits.</summary>
    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>Nine digits, unique to the person.</summary>
    public string? NationalId { get; init; }

    /// <summary>The index of the registry that sends the person's first record.</summary>
    public required int HomeRegistry { get; init; }

    public SyntheticTrap Trap { get; init; }
    public string? RelatedPersonId { get; init; }

    /// <summary>How many duplicates the person gets, decided when it is created.</summary>
    public int DuplicateCount { get; init; }
}

/// <summary>A street address: number and street (e.g. "12", "abbott street"), optional unit, city, state, postcode.</summary>
internal sealed record SyntheticAddress(
    string StreetNumber, string Street, string? Line2, string City, string State, string PostalCode);
