using System.Globalization;

namespace Mpi.Tools.Synthetic;

/// <summary>
/// Makes synthetic persons from the frequency tables: a primary person and, by the trap rates, the household
/// members, twin, father or son and namesake that resemble it.
/// </summary>
internal sealed class PersonFactory
{
    /// <summary>
    /// Ordinary providers' domains. Not the reserved example domains: the normaliser sets those aside as placeholders,
    /// which left every generated e-mail address missing to the matcher.
    /// </summary>
    private static readonly string[] EmailDomains = ["gmail.com", "outlook.com", "bigpond.com", "yahoo.com.au", "optusnet.com.au", "icloud.com"];
    private static readonly string[] PhonePrefixes = ["02", "03", "04", "04", "04", "07", "08"];

    private readonly FrequencyTables _tables;
    private readonly SyntheticPopulationOptions _options;
    private readonly Random _random;
    private readonly UniqueNumberSequence _nationalIds;
    private readonly UniqueNumberSequence _phones;
    private readonly double _duplicatedPersonProbability;
    private int _personCount;

    public PersonFactory(FrequencyTables tables, SyntheticPopulationOptions options, Random random)
    {
        _tables = tables;
        _options = options;
        _random = random;
        _nationalIds = new UniqueNumberSequence(random, 1_000_000_000);
        _phones = new UniqueNumberSequence(random, 100_000_000);
        _duplicatedPersonProbability =
            DuplicateCountDistribution.PersonProbability(options.DuplicateRate, options.MaxDuplicatesPerPerson);
    }

    /// <summary>A primary person followed by the trap persons made to resemble it; at most <paramref name="maxPersons"/>.</summary>
    public List<SyntheticPerson> CreateGroup(int maxPersons)
    {
        var traps = _options.Traps;
        var household = Chance(traps.HouseholdRate);
        var twin = Chance(traps.TwinRate);
        var fatherSon = Chance(traps.FatherSonRate);
        var namesake = Chance(traps.NamesakeRate);

        var primary = NewPerson(SyntheticTrap.None, relatedTo: null, sex: fatherSon ? "M" : RandomSex());
        if (household || twin || fatherSon)
        {
            primary = primary with { Phone = primary.Phone ?? NewPhone() };
        }

        var group = new List<SyntheticPerson> { primary };
        if (household)
        {
            var members = DuplicateCountDistribution.Sample(_random, 3);
            for (var i = 0; i < members; i++)
            {
                group.Add(HouseholdMember(primary, group));
            }
        }

        if (twin)
        {
            group.Add(Twin(primary, group));
        }

        if (fatherSon)
        {
            group.Add(FatherOrSon(ref primary));
            group[0] = primary;
        }

        if (namesake)
        {
            group.Add(Namesake(primary));
        }

        if (group.Count > maxPersons)
        {
            group.RemoveRange(maxPersons, group.Count - maxPersons);
        }

        return group;
    }

    /// <summary>How many duplicates a new person gets (0 for most).</summary>
    public int DrawDuplicateCount() =>
        Chance(_duplicatedPersonProbability) ? DuplicateCountDistribution.Sample(_random, _options.MaxDuplicatesPerPerson) : 0;

    public SyntheticAddress NewAddress() => new(
        _tables.StreetNumbers.Sample(_random),
        _tables.Streets.Sample(_random),
        Chance(0.08) ? $"unit {_random.Next(1, 40)}" : null,
        _tables.Suburbs.Sample(_random),
        _tables.States.Sample(_random),
        _tables.Postcodes.Sample(_random));

    public string NewPhone() =>
        PhonePrefixes[_random.Next(PhonePrefixes.Length)] + _phones.Next().ToString("D8", CultureInfo.InvariantCulture);

    public string NewSurname(string different)
    {
        var surname = _tables.Surnames.Sample(_random);
        return surname != different ? surname : _tables.Surnames.Sample(_random);
    }

    private SyntheticPerson NewPerson(SyntheticTrap trap, string? relatedTo, string sex)
    {
        var given = _tables.GivenNames.Sample(_random);
        var family = _tables.Surnames.Sample(_random);
        var age = AgeDistribution.SampleAge(_random);
        return new SyntheticPerson
        {
            PersonId = (++_personCount).ToString(CultureInfo.InvariantCulture),
            GivenName = given,
            MiddleName = Chance(0.5) ? OtherGivenName(given) : null,
            FamilyName = family,
            Sex = sex,
            BirthDate = AgeDistribution.BirthDateForAge(_random, _options.ReferenceDate, age),
            Address = NewAddress(),
            Phone = Chance(0.7) ? NewPhone() : null,
            Email = Chance(0.3) ? NewEmail(given, family) : null,
            NationalId = Chance(0.8) ? NewNationalId() : null,
            HomeRegistry = _random.Next(_options.Registries.Length),
            Trap = trap,
            RelatedPersonId = relatedTo,
        };
    }

    private SyntheticPerson HouseholdMember(SyntheticPerson head, List<SyntheticPerson> household)
    {
        var member = NewPerson(SyntheticTrap.Household, head.PersonId, RandomSex());
        var given = member.GivenName;
        while (household.Any(other => other.GivenName == given))
        {
            given = _tables.GivenNames.Sample(_random);
        }

        var headAge = AgeAt(head.BirthDate);
        var age = (headAge, _random.Next(3)) switch
        {
            ( >= 20, 0) => Math.Max(0, headAge - _random.Next(20, 41)),
            ( <= 60, 1) => Math.Min(AgeDistribution.MaxAge, headAge + _random.Next(20, 41)),
            _ => Math.Clamp(headAge + _random.Next(-6, 7), 0, AgeDistribution.MaxAge),
        };
        var birthDate = AgeDistribution.BirthDateForAge(_random, _options.ReferenceDate, age);
        return member with
        {
            GivenName = given,
            FamilyName = head.FamilyName,
            BirthDate = birthDate == head.BirthDate ? birthDate.AddDays(-1) : birthDate,
            Address = head.Address,
            Phone = head.Phone,
            Email = member.Email is null ? null : NewEmail(given, head.FamilyName),
            HomeRegistry = Chance(0.5) ? head.HomeRegistry : member.HomeRegistry,
        };
    }

    private SyntheticPerson Twin(SyntheticPerson sibling, List<SyntheticPerson> household)
    {
        var twin = NewPerson(SyntheticTrap.Twin, sibling.PersonId, Chance(0.6) ? OtherSex(sibling.Sex) : sibling.Sex);
        var given = twin.GivenName;
        while (household.Any(other => other.GivenName == given))
        {
            given = _tables.GivenNames.Sample(_random);
        }

        return twin with
        {
            GivenName = given,
            FamilyName = sibling.FamilyName,
            BirthDate = sibling.BirthDate,
            Address = sibling.Address,
            Phone = sibling.Phone,
            Email = twin.Email is null ? null : NewEmail(given, sibling.FamilyName),
            HomeRegistry = Chance(0.7) ? sibling.HomeRegistry : twin.HomeRegistry,
        };
    }

    /// <summary>The primary's father (when the primary is young) or son; both get their SR/JR suffix.</summary>
    private SyntheticPerson FatherOrSon(ref SyntheticPerson primary)
    {
        var relative = NewPerson(SyntheticTrap.FatherSon, primary.PersonId, "M");
        var primaryAge = AgeAt(primary.BirthDate);
        var gap = _random.Next(20, 41);
        var primaryIsSon = primaryAge < gap || (primaryAge + gap <= AgeDistribution.MaxAge && Chance(0.5));

        var relativeBirth = primary.BirthDate.AddYears(primaryIsSon ? -gap : gap).AddDays(_random.Next(-150, 150));
        if (relativeBirth > _options.ReferenceDate)
        {
            relativeBirth = _options.ReferenceDate.AddDays(-_random.Next(1, 100));
        }

        primary = primary with { Suffix = primaryIsSon ? "jr" : "sr" };
        return relative with
        {
            GivenName = primary.GivenName,
            FamilyName = primary.FamilyName,
            Suffix = primaryIsSon ? "sr" : "jr",
            BirthDate = relativeBirth,
            Address = primary.Address,
            Phone = Chance(0.6) ? primary.Phone : relative.Phone,
            Email = relative.Email is null ? null : NewEmail(primary.GivenName, primary.FamilyName),
        };
    }

    private SyntheticPerson Namesake(SyntheticPerson primary)
    {
        var namesake = NewPerson(SyntheticTrap.Namesake, primary.PersonId, primary.Sex);
        return namesake with
        {
            GivenName = primary.GivenName,
            FamilyName = primary.FamilyName,
            BirthDate = primary.BirthDate,
            Email = namesake.Email is null ? null : NewEmail(primary.GivenName, primary.FamilyName),
        };
    }

    private string OtherGivenName(string given)
    {
        var name = _tables.GivenNames.Sample(_random);
        return name != given ? name : _tables.GivenNames.Sample(_random);
    }

    private string NewEmail(string given, string family)
    {
        var local = $"{LettersOnly(given)}.{LettersOnly(family)}";
        var digits = Chance(0.6) ? _random.Next(1, 1000).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"{local}{digits}@{EmailDomains[_random.Next(EmailDomains.Length)]}";
    }

    private string NewNationalId()
    {
        string id;
        do
        {
            id = _nationalIds.Next().ToString("D9", CultureInfo.InvariantCulture);
        }
        while (NationalIdPlaceholders.IsPlaceholder(id));

        return id;
    }

    private int AgeAt(DateOnly birthDate)
    {
        var reference = _options.ReferenceDate;
        var age = reference.Year - birthDate.Year;
        return birthDate.AddYears(age) > reference ? age - 1 : age;
    }

    private bool Chance(double probability) => probability > 0 && _random.NextDouble() < probability;

    private string RandomSex() => _random.Next(2) == 0 ? "M" : "F";

    private static string OtherSex(string sex) => sex == "M" ? "F" : "M";

    private static string LettersOnly(string value) => new([.. value.Where(char.IsAsciiLetter)]);
}
