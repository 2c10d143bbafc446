using Mpi.Matching.Records;

namespace Mpi.Tools.Synthetic;

/// <summary>Writes a draft as its registry would: the registry's formats, sometimes another's, sometimes a placeholder id.</summary>
internal sealed class RecordFormatter(SyntheticPopulationOptions options, Random random)
{
    private readonly RegistryStyle[] _styles =
        [.. Enumerable.Range(0, options.Registries.Length).Select(RegistryStyle.ForRegistry)];

    public PatientRecord Format(RecordDraft draft, int registry, string localId)
    {
        var style = Chance(options.Corruption.FormatVariationRate) ? RegistryStyle.Random(random) : _styles[registry];
        if (Chance(options.Corruption.AccentRate))
        {
            if (random.Next(2) == 0)
            {
                draft.GivenName = TextVariants.Accent(draft.GivenName!, random);
            }
            else
            {
                draft.FamilyName = TextVariants.Accent(draft.FamilyName!, random);
            }
        }

        var nationalId = Chance(options.Traps.PlaceholderNationalIdRate)
            ? NationalIdPlaceholders.Values[random.Next(NationalIdPlaceholders.Values.Length)]
            : draft.NationalId;
        var addressLine = draft.Street is null
            ? null
            : style.FormatText($"{draft.StreetNumber} {style.FormatStreet(draft.Street)}".Trim());

        return new PatientRecord(options.Registries[registry], localId)
        {
            GivenName = Text(style, draft.GivenName),
            MiddleName = Text(style, draft.MiddleName),
            FamilyName = Text(style, draft.FamilyName),
            Suffix = draft.Suffix?.ToUpperInvariant(),
            BirthDate = draft.BirthDate is { } birthDate ? style.FormatDate(birthDate) : null,
            Sex = draft.Sex is null ? null : style.FormatSex(draft.Sex),
            AddressLine = addressLine,
            AddressLine2 = Text(style, draft.AddressLine2),
            City = Text(style, draft.City),
            State = draft.State?.ToUpperInvariant(),
            PostalCode = draft.PostalCode,
            Phone = draft.Phone is null ? null : style.FormatPhone(draft.Phone),
            Email = draft.Email,
            NationalId = nationalId,
        };
    }

    private static string? Text(RegistryStyle style, string? value) => value is null ? null : style.FormatText(value);

    private bool Chance(double probability) => probability > 0 && random.NextDouble() < probability;
}
