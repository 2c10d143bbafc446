using CsCheck;
using Mpi.Matching.Comparisons;

namespace Mpi.Tests.Matching.Comparisons;

public class ComparisonLevelTests
{
    private static int LevelOf(Comparison c, Mpi.Matching.Records.NormalizedRecord a, Mpi.Matching.Records.NormalizedRecord b) =>
        c.Level(a, b);

    private static string Label<T>(Mpi.Matching.Records.NormalizedRecord a, Mpi.Matching.Records.NormalizedRecord b) where T : Comparison, new()
    {
        var c = new T();
        return c.Levels[c.Level(a, b)];
    }

    [Theory]
    [InlineData("MARGARET", "MARGARET", "exact")]
    [InlineData("MARTHA", "MARHTA", "jaro_winkler_0.92")]
    [InlineData("DWAYNE", "DUANE", "jaro_winkler_0.80")]
    [InlineData("M", "MARGARET", "initial")]
    [InlineData("MARGARET", "SUSAN", "else")]
    [InlineData("", "SUSAN", "missing")]
    public void GivenName_Pairs_TakeTheirLevel(string x, string y, string level) =>
        Assert.Equal(level, Label<GivenNameComparison>(Some.Patient(given: x), Some.Patient(given: y)));

    [Fact]
    public void GivenName_NicknameGroupShared_IsNickname()
    {
        var bob = Some.Patient(given: "BOB", nicknameGroups: [7, 9]);
        Assert.Equal("nickname", Label<GivenNameComparison>(bob, Some.Patient(given: "ROBERT", nicknameGroups: [9])));
    }

    [Fact]
    public void GivenName_SwappedWithFamily_IsCrossedFields() =>
        Assert.Equal("crossed_fields", Label<GivenNameComparison>(
            Some.Patient(given: "THOMPSON", family: "MARGARET"), Some.Patient(given: "MARGARET", family: "THOMPSON")));

    [Theory]
    [InlineData("THOMPSON", "THOMPSON", "exact")]
    [InlineData("THOMPSON", "THOMSON", "jaro_winkler_0.92")]
    [InlineData("THOMPSON", "WILLIAMS", "else")]
    public void FamilyName_Pairs_TakeTheirLevel(string x, string y, string level) =>
        Assert.Equal(level, Label<FamilyNameComparison>(Some.Patient(family: x), Some.Patient(family: y)));

    [Theory]
    [InlineData("1961-04-23", "1961-04-23", "exact")]
    [InlineData("1961-04-03", "1961-03-04", "day_month_transposed")]
    [InlineData("1961-04-23", "1961-04-28", "one_digit")]
    [InlineData("1961-04-23", "1916-04-23", "one_digit")]
    [InlineData("1961-04-23", "1961-04-01", "two_digits")]
    [InlineData("1961-04-23", "1961-11-02", "same_year")]
    [InlineData("1961-04-23", "1987-11-02", "else")]
    [InlineData("", "1987-11-02", "missing")]
    public void BirthDate_Pairs_TakeTheirLevel(string x, string y, string level) =>
        Assert.Equal(level, Label<BirthDateComparison>(Some.Patient(birth: x), Some.Patient(birth: y)));

    [Theory]
    [InlineData("12 WALLABY PL", "2119", "DELMAR", "0298765432", "same_address_and_phone")]
    [InlineData("12 WALLABY PL", "2119", "DELMAR", "0411222333", "same_address")]
    [InlineData("7 OTHER ST", "4000", "ELSEWHERE", "0298765432", "same_phone")]
    [InlineData("7 OTHER ST", "4000", "ELSEWHERE", "0298765433", "same_phone")]
    [InlineData("12 WALABY PL", "2119", "DELMAR", "0411222333", "similar_address")]
    [InlineData("7 OTHER ST", "2119", "DELMAR", "0411222333", "same_area")]
    [InlineData("7 OTHER ST", "2119", "ELSEWHERE", "", "same_postal_code_or_city")]
    [InlineData("7 OTHER ST", "4000", "ELSEWHERE", "0411222333", "else")]
    public void Location_Pairs_TakeTheirLevel(string address, string postal, string city, string phone, string level) =>
        Assert.Equal(level, Label<LocationComparison>(Some.Patient(), Some.Patient(address: address, postal: postal, city: city, phone: phone)));

    [Theory]
    [InlineData("WALLABY PL", "", "", "2119", "DELMAR", "similar_address")] // the house number left off
    [InlineData("7 OTHER ST", "LAGUNA RETIREMENT VLG", "LAGUNA RETIREMENT VILLAGE", "2119", "DELMAR", "similar_address")]
    [InlineData("7 OTHER ST", "LAGUNA RETIREMENT VLG", "LAGUNA RETIREMENT VLG", "4000", "ELSEWHERE", "else")]
    [InlineData("7 OTHER ST", "UNIT 4", "UNIT 4", "2119", "DELMAR", "same_area")] // a unit locates nobody without its street
    [InlineData("12 WALLABY PL", "AKENFIELD", "AKENFIELD", "4000", "ELSEWHERE", "similar_address")] // both lines, the area mistyped
    [InlineData("12 WALLABY PL", "", "", "4000", "ELSEWHERE", "else")]
    public void Location_SecondLinesAndHouseNumbers_TakeTheirLevel(string address, string line2, string otherLine2, string postal, string city, string level) =>
        Assert.Equal(level, Label<LocationComparison>(Some.Patient(phone: "", address2: line2),
            Some.Patient(address: address, address2: otherLine2, postal: postal, city: city, phone: "")));

    [Fact]
    public void Location_ANamedPlaceSharedByManyRecords_AgreesOnlyAsFarAsTheArea()
    {
        // A retirement village's name on the second line of dozens of residents' records.
        var (a, b) = (Some.Patient(phone: "", address2: "LAGUNA RETIREMENT VLG"), Some.Patient(address: "7 OTHER ST", phone: "", address2: "LAGUNA RETIREMENT VLG"));
        Assert.Equal("similar_address", Label<LocationComparison>(a, b));

        a.AddressLine2SharedBy = 31;
        Assert.Equal("same_area", Label<LocationComparison>(a, b));
    }

    [Theory]
    [InlineData(2, 2, "same_address_and_phone")]
    [InlineData(31, 2, "same_address")]
    [InlineData(2, 31, "same_phone")]
    [InlineData(31, 31, "same_area")]
    public void Location_ContactsSharedByManyRecords_AgreeOnlyAsFarAsTheArea(int phoneSharedBy, int addressSharedBy, string level)
    {
        // A care home: its switchboard and its address are on dozens of residents' records.
        var (a, b) = (Some.Patient(), Some.Patient());
        foreach (var r in new[] { a, b }) (r.PhoneSharedBy, r.AddressSharedBy) = (phoneSharedBy, addressSharedBy);

        Assert.Equal(level, Label<LocationComparison>(a, b));
    }

    [Fact]
    public void ContactCounts_Apply_CountsRecordsSharingAPhoneOrAnAddress()
    {
        var home = Enumerable.Range(0, 3).Select(_ => Some.Patient()).ToArray();
        var elsewhere = Some.Patient(address: "7 OTHER ST", phone: "0411222333");

        Mpi.Matching.Scoring.ContactCounts.Apply([.. home, elsewhere]);

        Assert.All(home, r => Assert.Equal((3, 3), (r.PhoneSharedBy, r.AddressSharedBy)));
        Assert.Equal((1, 1), (elsewhere.PhoneSharedBy, elsewhere.AddressSharedBy));
    }

    [Fact]
    public void Location_AllFieldsMissingOnOneSide_IsMissing() =>
        Assert.Equal("missing", Label<LocationComparison>(Some.Patient(), Some.Patient(address: "", postal: "", city: "", phone: "")));

    [Theory]
    [InlineData("4066625", "4066625", "exact")]
    [InlineData("4066625", "4066652", "one_edit")]
    [InlineData("4066625", "1804974", "else")]
    [InlineData("", "1804974", "missing")]
    public void NationalId_Pairs_TakeTheirLevel(string x, string y, string level) =>
        Assert.Equal(level, Label<NationalIdComparison>(Some.Patient(nationalId: x), Some.Patient(nationalId: y)));

    [Theory]
    [InlineData("ann.lee@example.org", "ann.lee@example.org", "exact")]
    [InlineData("ann.lee@example.org", "ann.lee@mail.net", "same_local_part")]
    [InlineData("ann.lee@example.org", "bob.kay@mail.net", "else")]
    public void Email_Pairs_TakeTheirLevel(string x, string y, string level) =>
        Assert.Equal(level, Label<EmailComparison>(Some.Patient(email: x), Some.Patient(email: y)));

    [Theory]
    [InlineData('F', 'F', "same")]
    [InlineData('F', 'M', "different")]
    [InlineData('\0', 'M', "missing")]
    public void Sex_Pairs_TakeTheirLevel(char x, char y, string level) =>
        Assert.Equal(level, Label<SexComparison>(Some.Patient(sex: x), Some.Patient(sex: y)));

    [Fact]
    public void EveryComparison_RandomPairs_IsSymmetricAndInRange()
    {
        var names = Gen.OneOf<string>("MARGARET", "MARGRET", "PEGGY", "M", "THOMPSON", "THOMSON", "", "ANN");
        var dates = Gen.OneOf<string>("1961-04-23", "1961-04-03", "1961-03-04", "1916-04-23", "1987-11-02", "");
        var ids = Gen.OneOf<string>("4066625", "4066652", "1804974", "");
        var record = Gen.Select(names, names, dates, ids).Select((g, f, d, id) =>
            Some.Patient(given: g, family: f, birth: d, nationalId: id, phone: id, email: id.Length > 0 ? id + "@x.org" : "",
                postal: id.Length > 0 ? id[..4] : "", address: g + " ST"));
        Gen.Select(record, record).Sample((a, b) => ComparisonCatalog.Default.All(c =>
        {
            var ab = LevelOf(c, a, b);
            return ab == LevelOf(c, b, a) && ab >= 0 && ab < c.Levels.Length;
        }));
    }
}

