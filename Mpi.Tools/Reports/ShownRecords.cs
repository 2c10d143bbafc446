using Mpi.Matching.Records;

namespace Mpi.Tools.Reports;

/// <summary>Turns a normalised record into the fields a report shows, masked with <see cref="PhiMask"/> unless asked not to.</summary>
internal static class ShownRecords
{
    // The values the comparisons saw (normalised), so a steward reads what the score was made from; each with its mask.
    private static readonly (string Field, Func<NormalizedRecord, string> Value, Func<NormalizedRecord, string> Masked)[] Fields =
    [
        ("registry", r => r.Registry, r => r.Registry),
        ("local_id", r => r.LocalId, r => PhiMask.Identifier(r.LocalId)),
        ("given_name", r => r.GivenName, r => PhiMask.Name(r.GivenName)),
        ("middle_name", r => r.MiddleName, r => PhiMask.Name(r.MiddleName)),
        ("family_name", r => r.FamilyName, r => PhiMask.Name(r.FamilyName)),
        ("suffix", r => r.Suffix, r => r.Suffix),
        ("birth_date", r => r.HasBirthDate ? $"{r.BirthYear:D4}-{r.BirthMonth:D2}-{r.BirthDay:D2}" : "", r => PhiMask.Date(r.BirthYear)),
        ("sex", r => r.Sex == '\0' ? "" : r.Sex.ToString(), r => r.Sex == '\0' ? "" : r.Sex.ToString()),
        ("address_line", r => r.AddressLine, r => PhiMask.Text(r.AddressLine)),
        ("city", r => r.City, r => PhiMask.Name(r.City)),
        ("state", r => r.State, r => r.State),
        ("postal_code", r => r.PostalCode, r => PhiMask.Identifier(r.PostalCode)),
        ("phone", r => r.Phone, r => PhiMask.Identifier(r.Phone)),
        ("email", r => r.Email, r => PhiMask.Text(r.Email)),
        ("national_id", r => r.NationalId, r => PhiMask.Identifier(r.NationalId)),
    ];

    public static ShownRecord Of(NormalizedRecord r, bool showPhi) =>
        new(Fields.Select(f => new KeyValuePair<string, string>(f.Field, showPhi ? f.Value(r) : f.Masked(r))).ToArray());

    /// <summary>
    /// Per shown field, whether the two records hold the same value. Judged on the real values, since two masks can
    /// look alike ("[16 characters]") for different addresses; that two values agree is no more than the explanation tells.
    /// </summary>
    public static bool[] Agreement(NormalizedRecord a, NormalizedRecord b) =>
        Fields.Select(f => f.Value(a).Length > 0 && f.Value(a) == f.Value(b)).ToArray();
}
