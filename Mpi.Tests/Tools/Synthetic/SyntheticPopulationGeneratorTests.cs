using Mpi.Tools.Synthetic;

namespace Mpi.Tests.Tools.Synthetic;

public sealed class SyntheticPopulationGeneratorTests(SyntheticPopulationFixture population)
    : IClassFixture<SyntheticPopulationFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_234)]
    public void Generate_AnyCount_YieldsExactlyThatManyRecordsWithUniqueKeys(int count)
    {
        var options = new SyntheticPopulationOptions { RecordCount = count, Seed = count };

        var records = new SyntheticPopulationGenerator(SomeFrequencyTables.Create(), options).Generate().ToList();

        Assert.Equal(count, records.Count);
        Assert.Equal(count, records.Select(r => (r.Record.Registry, r.Record.LocalId)).Distinct().Count());
    }

    [Fact]
    public void Generate_SameSeed_SameRecords_OtherSeed_OtherRecords()
    {
        var tables = SomeFrequencyTables.Create();
        var options = new SyntheticPopulationOptions { RecordCount = 2_000, Seed = 5 };

        var first = new SyntheticPopulationGenerator(tables, options).Generate().ToList();
        var second = new SyntheticPopulationGenerator(tables, options).Generate().ToList();
        var other = new SyntheticPopulationGenerator(tables, options with { Seed = 6 }).Generate().ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(r => r.Record), other.Select(r => r.Record));
    }

    [Fact]
    public void Generate_DefaultOptions_DuplicateRateNearFortyNinePercentWithOneToThreePerPerson()
    {
        var duplicates = population.Records.Count(record => record.IsDuplicate);
        var perPerson = population.Records.Where(r => r.IsDuplicate).CountBy(r => r.PersonId).Select(pair => pair.Value).ToList();

        Assert.InRange(duplicates / (double)SyntheticPopulationFixture.RecordCount, 0.47, 0.51);
        Assert.All(perPerson, n => Assert.InRange(n, 1, 3));
        Assert.True(perPerson.Count(n => n == 1) > perPerson.Count(n => n == 2));
        Assert.True(perPerson.Count(n => n == 2) > perPerson.Count(n => n == 3));
    }

    [Fact]
    public void Generate_EveryPerson_FirstRecordIsTheOriginal()
    {
        var seen = new HashSet<string>();
        foreach (var record in population.Records)
        {
            Assert.Equal(record.IsDuplicate, !seen.Add(record.PersonId));
        }
    }

    [Fact]
    public void Generate_DefaultOptions_TrapCountsNearTheirRates()
    {
        var primaries = population.OriginalsOf(SyntheticTrap.None).Count();
        var households = population.OriginalsOf(SyntheticTrap.Household).Select(r => r.RelatedPersonId).Distinct().Count();
        var twins = population.OriginalsOf(SyntheticTrap.Twin).Count();
        var fatherSons = population.OriginalsOf(SyntheticTrap.FatherSon).Count();
        var namesakes = population.OriginalsOf(SyntheticTrap.Namesake).Count();

        var traps = population.Options.Traps;
        Assert.InRange(households / (double)primaries, traps.HouseholdRate - 0.02, traps.HouseholdRate + 0.02);
        Assert.InRange(twins, primaries * traps.TwinRate * 0.5, primaries * traps.TwinRate * 1.6);
        Assert.InRange(fatherSons, primaries * traps.FatherSonRate * 0.5, primaries * traps.FatherSonRate * 1.6);
        Assert.InRange(namesakes, primaries * traps.NamesakeRate * 0.4, primaries * traps.NamesakeRate * 1.8);
        Assert.All(population.OriginalsOf(SyntheticTrap.None), r => Assert.Null(r.RelatedPersonId));
    }

    [Fact]
    public void Generate_Twins_ShareBirthDateFamilyNameAddressAndPhoneButNotGivenName()
    {
        var twins = population.OriginalsOf(SyntheticTrap.Twin).ToList();

        Assert.NotEmpty(twins);
        Assert.All(twins, twin =>
        {
            var sibling = population.OriginalOfRelated(twin);
            var record = twin.Record;
            Assert.NotEqual(sibling.LocalId, record.LocalId);
            Assert.Equal(SyntheticPopulationFixture.Date(sibling.BirthDate), SyntheticPopulationFixture.Date(record.BirthDate));
            Assert.Equal(SyntheticPopulationFixture.Plain(sibling.FamilyName), SyntheticPopulationFixture.Plain(record.FamilyName));
            Assert.Equal(SyntheticPopulationFixture.Street(sibling.AddressLine), SyntheticPopulationFixture.Street(record.AddressLine));
            Assert.Equal(SyntheticPopulationFixture.Digits(sibling.Phone), SyntheticPopulationFixture.Digits(record.Phone));
            Assert.NotEqual(SyntheticPopulationFixture.Plain(sibling.GivenName), SyntheticPopulationFixture.Plain(record.GivenName));
        });
    }

    [Fact]
    public void Generate_HouseholdMembers_ShareFamilyNameAddressAndPhoneButNotGivenNameOrBirthDate()
    {
        var members = population.OriginalsOf(SyntheticTrap.Household).ToList();

        Assert.NotEmpty(members);
        Assert.All(members, member =>
        {
            var head = population.OriginalOfRelated(member);
            var record = member.Record;
            Assert.Equal(SyntheticPopulationFixture.Plain(head.FamilyName), SyntheticPopulationFixture.Plain(record.FamilyName));
            Assert.Equal(SyntheticPopulationFixture.Street(head.AddressLine), SyntheticPopulationFixture.Street(record.AddressLine));
            Assert.Equal(SyntheticPopulationFixture.Plain(head.City), SyntheticPopulationFixture.Plain(record.City));
            Assert.Equal(head.PostalCode, record.PostalCode);
            Assert.Equal(SyntheticPopulationFixture.Digits(head.Phone), SyntheticPopulationFixture.Digits(record.Phone));
            Assert.NotEqual(SyntheticPopulationFixture.Plain(head.GivenName), SyntheticPopulationFixture.Plain(record.GivenName));
            Assert.NotEqual(SyntheticPopulationFixture.Date(head.BirthDate), SyntheticPopulationFixture.Date(record.BirthDate));
        });
    }

    [Fact]
    public void Generate_FathersAndSons_ShareNamesAndAddressWithBirthDates20To40YearsApart()
    {
        var relatives = population.OriginalsOf(SyntheticTrap.FatherSon).ToList();

        Assert.NotEmpty(relatives);
        Assert.All(relatives, relative =>
        {
            var primary = population.OriginalOfRelated(relative);
            var record = relative.Record;
            Assert.Equal(SyntheticPopulationFixture.Plain(primary.GivenName), SyntheticPopulationFixture.Plain(record.GivenName));
            Assert.Equal(SyntheticPopulationFixture.Plain(primary.FamilyName), SyntheticPopulationFixture.Plain(record.FamilyName));
            Assert.Equal(SyntheticPopulationFixture.Street(primary.AddressLine), SyntheticPopulationFixture.Street(record.AddressLine));
            var years = Math.Abs(SyntheticPopulationFixture.Date(primary.BirthDate)!.Value.DayNumber
                - SyntheticPopulationFixture.Date(record.BirthDate)!.Value.DayNumber) / 365.25;
            Assert.InRange(years, 19, 41);
        });
        var suffixes = population.Records
            .Where(r => r.Trap == SyntheticTrap.FatherSon || relatives.Any(x => x.RelatedPersonId == r.PersonId))
            .Select(r => r.Record.Suffix)
            .ToList();
        Assert.Contains(null, suffixes);
        Assert.Contains("JR", suffixes);
        Assert.Contains("SR", suffixes);
    }

    [Fact]
    public void Generate_Namesakes_ShareGivenFamilyNameAndBirthDateButLiveElsewhere()
    {
        var namesakes = population.OriginalsOf(SyntheticTrap.Namesake).ToList();

        Assert.NotEmpty(namesakes);
        Assert.All(namesakes, namesake =>
        {
            var primary = population.OriginalOfRelated(namesake);
            var record = namesake.Record;
            Assert.Equal(SyntheticPopulationFixture.Plain(primary.GivenName), SyntheticPopulationFixture.Plain(record.GivenName));
            Assert.Equal(SyntheticPopulationFixture.Plain(primary.FamilyName), SyntheticPopulationFixture.Plain(record.FamilyName));
            Assert.Equal(SyntheticPopulationFixture.Date(primary.BirthDate), SyntheticPopulationFixture.Date(record.BirthDate));
        });
        Assert.True(namesakes.Count(n => SyntheticPopulationFixture.Street(population.OriginalOfRelated(n).AddressLine)
            != SyntheticPopulationFixture.Street(n.Record.AddressLine)) >= namesakes.Count * 0.8);
    }

    [Fact]
    public void Generate_PlaceholderNationalIds_AreSpreadOverDifferentPersons()
    {
        string[] placeholders = ["000000000", "999999999", "123456789", "111111111"];
        var withPlaceholder = population.Records.Where(r => placeholders.Contains(r.Record.NationalId)).ToList();
        var realIdOwners = population.Records
            .Where(r => r.Record.NationalId is { } id && !placeholders.Contains(id))
            .GroupBy(r => r.Record.NationalId)
            .Select(group => group.Select(r => r.PersonId).Distinct().Count());

        Assert.InRange(withPlaceholder.Count / (double)SyntheticPopulationFixture.RecordCount, 0.006, 0.014);
        Assert.True(withPlaceholder.Select(r => r.PersonId).Distinct().Count() >= withPlaceholder.Count * 0.9);
        Assert.All(placeholders, p => Assert.True(withPlaceholder.Count(r => r.Record.NationalId == p) > 1));
        Assert.All(realIdOwners, owners => Assert.Equal(1, owners));
    }

    [Fact]
    public void Generate_Duplicates_CarryNicknamesMarriedNamesChangedDatesAndOtherFormats()
    {
        var duplicates = population.Records.Where(r => r.IsDuplicate).ToList();
        var original = (SyntheticRecord d) => population.Originals[d.PersonId].Record;
        string[] nicknames = ["bill", "will", "liam", "bob", "rob", "liz", "beth", "betty", "jim", "jimmy", "tom", "tommy", "mike", "mick", "kate", "kathy"];

        var nicknamed = duplicates.Count(d => nicknames.Contains(d.Record.GivenName?.ToLowerInvariant())
            && !nicknames.Contains(original(d).GivenName?.ToLowerInvariant()));
        var familyNamesChanged = duplicates.Count(d => SyntheticPopulationFixture.Plain(d.Record.FamilyName)
            != SyntheticPopulationFixture.Plain(original(d).FamilyName));
        var otherDates = duplicates.Count(d => d.Record.BirthDate is not null && original(d).BirthDate is not null
            && SyntheticPopulationFixture.Date(d.Record.BirthDate) != SyntheticPopulationFixture.Date(original(d).BirthDate));
        var dateFormats = population.Records.Select(r => r.Record.BirthDate?.Length switch
        {
            8 => "compact",
            10 when r.Record.BirthDate![4] == '-' => "iso",
            10 when r.Record.BirthDate![2] == '.' => "dotted",
            10 => "slashes",
            _ => "none",
        }).Distinct().Count();

        Assert.True(nicknamed > 20, $"{nicknamed} nicknames");
        Assert.True(familyNamesChanged > 50, $"{familyNamesChanged} family names changed");
        Assert.True(otherDates > 50, $"{otherDates} birth dates changed");
        Assert.Equal(5, dateFormats);
        Assert.Contains(population.Records, r => r.Record.Phone?.Contains(' ') == true);
        Assert.Contains(population.Records, r => r.Record.Phone?.Contains('-') == true);
        Assert.Contains(population.Records, r => r.Record.GivenName?.Any(c => c > 127) == true);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new SyntheticPopulationGenerator(SomeFrequencyTables.Create(), new SyntheticPopulationOptions { DuplicateRate = 0.9 }));

        Assert.Contains("duplicate rate", error.Message);
    }
}
