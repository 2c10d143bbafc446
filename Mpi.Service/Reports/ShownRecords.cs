using Mpi.Matching.Records;

namespace Mpi.Service.Reports;

/// <summary>Turns a normalised record into the fields a report shows, masked with <see cref="PhiMask"/> unless asked not to.</summary>
internal static class ShownRecords
{
    public static ShownRecord Of(NormalizedRecord r, bool showPhi)
    {
        // The values the comparisons saw (normalised), so a steward reads what the score was made from.
        string Name(string v) => showPhi ? v : PhiMask.Name(v);
        string Id(string v) => showPhi ? v : PhiMask.Identifier(v);
        string Text(string v) => showPhi ? v : PhiMask.Text(v);
        var birth = !r.HasBirthDate ? "" : showPhi ? $"{r.BirthYear:D4}-{r.BirthMonth:D2}-{r.BirthDay:D2}" : PhiMask.Date(r.BirthYear);
        return new ShownRecord(
        [
            new("registry", r.Registry),
            new("local_id", Id(r.LocalId)),
            new("given_name", Name(r.GivenName)),
            new("middle_name", Name(r.MiddleName)),
            new("family_name", Name(r.FamilyName)),
            new("suffix", r.Suffix),
            new("birth_date", birth),
            new("sex", r.Sex == '\0' ? "" : r.Sex.ToString()),
            new("address_line", Text(r.AddressLine)),
            new("city", Name(r.City)),
            new("state", r.State),
            new("postal_code", Id(r.PostalCode)),
            new("phone", Id(r.Phone)),
            new("email", Text(r.Email)),
            new("national_id", Id(r.NationalId)),
        ]);
    }
}
