using System.Globalization;

namespace Mpi.Tools.Synthetic;

/// <summary>Damages a duplicate record the way a second registration does, each kind at its own rate.</summary>
internal sealed class DuplicateCorruptor(SyntheticPopulationOptions options, PersonFactory persons, Random random)
{
    private readonly SyntheticCorruptionRates _rates = options.Corruption;

    public void Corrupt(RecordDraft draft, SyntheticPerson person)
    {
        if (person.Sex == "F" && Chance(_rates.MarriedNameRate))
        {
            draft.FamilyName = persons.NewSurname(person.FamilyName);
        }

        if (Chance(_rates.NicknameRate) && Nicknames.TryPick(person.GivenName, random, out var nickname))
        {
            draft.GivenName = nickname;
        }

        if (Chance(_rates.PhoneticVariantRate))
        {
            if (random.Next(2) == 0)
            {
                draft.GivenName = TextVariants.PhoneticVariant(draft.GivenName!, random);
            }
            else
            {
                draft.FamilyName = TextVariants.PhoneticVariant(draft.FamilyName!, random);
            }
        }

        if (Chance(_rates.GivenNameTypoRate))
        {
            draft.GivenName = TextVariants.Typo(draft.GivenName!, random);
        }

        if (Chance(_rates.FamilyNameTypoRate))
        {
            draft.FamilyName = TextVariants.Typo(draft.FamilyName!, random);
        }

        if (Chance(_rates.AddressTypoRate))
        {
            AddAddressTypo(draft);
        }

        if (Chance(_rates.SwappedNamesRate))
        {
            (draft.GivenName, draft.FamilyName) = (draft.FamilyName, draft.GivenName);
        }

        if (Chance(_rates.BirthDateErrorRate) && draft.BirthDate is { } birthDate)
        {
            draft.BirthDate = DamageBirthDate(birthDate);
        }

        var moved = Chance(_rates.MovedAddressRate);
        if (moved)
        {
            draft.SetAddress(persons.NewAddress());
        }

        if (Chance(_rates.ChangedPhoneRate) || (moved && Chance(_rates.PhoneChangesWithMoveRate)))
        {
            draft.Phone = persons.NewPhone();
        }

        if (Chance(_rates.NationalIdOmittedRate))
        {
            draft.NationalId = null;
        }
        else if (draft.NationalId is { } nationalId && Chance(_rates.NationalIdTypoRate))
        {
            draft.NationalId = TextVariants.DigitTypo(nationalId, random);
        }

        if (Chance(_rates.MissingFieldRate))
        {
            var count = random.Next(1, 3);
            for (var i = 0; i < count; i++)
            {
                DropField(draft);
            }
        }
    }

    private void AddAddressTypo(RecordDraft draft)
    {
        if (random.Next(2) == 0)
        {
            draft.Street = draft.Street is null ? null : TextVariants.Typo(draft.Street, random);
        }
        else
        {
            draft.City = draft.City is null ? null : TextVariants.Typo(draft.City, random);
        }
    }

    /// <summary>
    /// Day and month swapped when that is another valid date, or the year off by one or by ten, otherwise one digit
    /// of the year, month or day wrong.
    /// </summary>
    private DateOnly DamageBirthDate(DateOnly date)
    {
        var kind = random.Next(5);
        if (kind < 2 && date.Day <= 12 && date.Day != date.Month)
        {
            return new DateOnly(date.Year, date.Day, date.Month);
        }

        if (kind == 2)
        {
            var years = random.Next(4) switch { 0 => 10, 1 => -10, 2 => 1, _ => -1 };
            var shifted = date.AddYears(years);
            if (shifted <= options.ReferenceDate)
            {
                return shifted;
            }
        }

        var digits = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture).ToCharArray();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var copy = (char[])digits.Clone();
            var position = random.Next(2, 8);
            copy[position] = (char)('0' + random.Next(10));
            if (DateOnly.TryParseExact(new string(copy), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var damaged)
                && damaged != date && damaged <= options.ReferenceDate)
            {
                return damaged;
            }
        }

        return date.AddDays(date.Day < 28 ? 1 : -1);
    }

    private void DropField(RecordDraft draft)
    {
        switch (random.Next(10))
        {
            case 0: draft.MiddleName = null; break;
            case 1: draft.Sex = null; break;
            case 2: draft.BirthDate = null; break;
            case 3: (draft.StreetNumber, draft.Street, draft.AddressLine2) = (null, null, null); break;
            case 4: draft.City = null; break;
            case 5: draft.PostalCode = null; break;
            case 6: draft.Phone = null; break;
            case 7: draft.Email = null; break;
            case 8: draft.NationalId = null; break;
            default: draft.MiddleName = draft.MiddleName is null ? null : draft.MiddleName[..1]; break;
        }
    }

    private bool Chance(double probability) => probability > 0 && random.NextDouble() < probability;
}
