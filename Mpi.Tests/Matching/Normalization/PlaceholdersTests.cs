using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class PlaceholdersTests
{
    [Theory]
    [InlineData("UNKNOWN")]
    [InlineData("BABY BOY")]
    [InlineData("BABY GIRL")]
    [InlineData("BABY")]
    [InlineData("BABY OF SMITH")]
    [InlineData("INFANT")]
    [InlineData("JOHN DOE")]
    [InlineData("JANE DOE")]
    [InlineData("N A")]
    [InlineData("NA")]
    [InlineData("FNU")]
    [InlineData("NMN")]
    [InlineData("XXX")]
    [InlineData("ZZZZ")]
    [InlineData("TEST PATIENT")]
    [InlineData("TESTPATIENT")]
    public void IsPlaceholderGivenName_Placeholder_True(string normalized)
    {
        Assert.True(Placeholders.IsPlaceholderGivenName(normalized));
    }

    [Theory]
    [InlineData("JOHN")]
    [InlineData("JOHN PAUL")]
    [InlineData("JJ")]
    [InlineData("ANNA")]
    [InlineData("DOE")]
    [InlineData("BABYLON")]
    public void IsPlaceholderGivenName_RealName_False(string normalized)
    {
        Assert.False(Placeholders.IsPlaceholderGivenName(normalized));
    }

    [Theory]
    [InlineData("DOE", true)]
    [InlineData("LNU", true)]
    [InlineData("UNKNOWN", true)]
    [InlineData("N A", true)]
    [InlineData("JOHNDOE", true)]
    [InlineData("NA", false)]
    [InlineData("SMITH", false)]
    [InlineData("DOERING", false)]
    public void IsPlaceholderFamilyName_Value_Expected(string normalized, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderFamilyName(normalized));
    }

    [Theory]
    [InlineData("000000000", true)]
    [InlineData("999999999", true)]
    [InlineData("111111111", true)]
    [InlineData("123456789", true)]
    [InlineData("987654321", true)]
    [InlineData("0123456789", true)]
    [InlineData("1234567890", true)]
    [InlineData("121212121", true)]
    [InlineData("123123123", true)]
    [InlineData("XXXXXXXXX", true)]
    [InlineData("078051120", true)]
    [InlineData("NONE", true)]
    [InlineData("123", false)]
    [InlineData("1231", false)]
    [InlineData("123456780", false)]
    [InlineData("AB1234567", false)]
    [InlineData("401023456", false)]
    public void IsPlaceholderIdentifier_Value_Expected(string normalized, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderIdentifier(normalized));
    }

    [Theory]
    [InlineData("0000000000", true)]
    [InlineData("9999999999", true)]
    [InlineData("1234567890", true)]
    [InlineData("123456", true)]
    [InlineData("0412345678", false)]
    [InlineData("0298765432", false)]
    public void IsPlaceholderPhone_Digits_Expected(string digits, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderPhone(digits));
    }

    [Theory]
    [InlineData("00000", true)]
    [InlineData("99999", true)]
    [InlineData("0000", true)]
    [InlineData("XXXXX", true)]
    [InlineData("ZZ993VZ", true)]
    [InlineData("2222", false)]
    [InlineData("2000", false)]
    [InlineData("SW1A1AA", false)]
    public void IsPlaceholderPostalCode_Value_Expected(string normalized, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderPostalCode(normalized));
    }

    [Theory]
    [InlineData("noemail@gmail.com", true)]
    [InlineData("none@none.com", true)]
    [InlineData("test@test.com", true)]
    [InlineData("na@na.com", true)]
    [InlineData("jane@example.com", true)]
    [InlineData("jane@clinic.invalid", true)]
    [InlineData("a@a.com", true)]
    [InlineData("jane.smith@gmail.com", false)]
    [InlineData("no-reply-not@clinic.org", false)]
    public void IsPlaceholderEmail_Address_Expected(string normalized, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderEmail(normalized));
    }

    [Theory]
    [InlineData("UNKNOWN", true)]
    [InlineData("NO FIXED ABODE", true)]
    [InlineData("NFA", true)]
    [InlineData("XXX", true)]
    [InlineData("X X X", true)]
    [InlineData("12 SMITH ST", false)]
    public void IsPlaceholderAddress_Value_Expected(string normalized, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderAddress(normalized));
    }

    [Theory]
    [InlineData(1900, 1, 1, true)]
    [InlineData(1800, 1, 1, true)]
    [InlineData(1, 1, 1, true)]
    [InlineData(9999, 12, 31, true)]
    [InlineData(1970, 1, 1, false)]
    [InlineData(1985, 3, 4, false)]
    public void IsPlaceholderBirthDate_Date_Expected(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholderBirthDate(new BirthDate(year, month, day)));
    }

    [Fact]
    public void NameLists_Entries_AreCleanedForms()
    {
        var entries = Placeholders.Names.Concat(Placeholders.GivenNames).Concat(Placeholders.FamilyNames)
            .Concat(Placeholders.NewbornWords).Concat(Placeholders.Addresses).Concat(Placeholders.NationalIds)
            .Concat(Placeholders.PostalCodes);

        Assert.All(entries, entry => Assert.Equal(TextCleaner.Clean(entry), entry));
    }
}
