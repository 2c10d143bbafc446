namespace Mpi.Tools.Synthetic;

/// <summary>One record's values before formatting: lower-case text, the birth date as a date, the phone as digits.</summary>
internal sealed class RecordDraft
{
    public string? GivenName { get; set; }
    public string? MiddleName { get; set; }
    public string? FamilyName { get; set; }
    public string? Suffix { get; set; }
    public string? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? StreetNumber { get; set; }
    public string? Street { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? NationalId { get; set; }

    public static RecordDraft From(SyntheticPerson person, bool showSuffix)
    {
        var draft = new RecordDraft
        {
            GivenName = person.GivenName,
            MiddleName = person.MiddleName,
            FamilyName = person.FamilyName,
            Suffix = showSuffix ? person.Suffix : null,
            Sex = person.Sex,
            BirthDate = person.BirthDate,
            Phone = person.Phone,
            Email = person.Email,
            NationalId = person.NationalId,
        };
        draft.SetAddress(person.Address);
        return draft;
    }

    public void SetAddress(SyntheticAddress address)
    {
        StreetNumber = address.StreetNumber;
        Street = address.Street;
        AddressLine2 = address.Line2;
        City = address.City;
        State = address.State;
        PostalCode = address.PostalCode;
    }
}
