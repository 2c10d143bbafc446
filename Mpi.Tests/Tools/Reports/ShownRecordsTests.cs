using Mpi.Tools.Reports;
using Mpi.Tests.Matching;

namespace Mpi.Tests.Tools.Reports;

public sealed class ShownRecordsTests
{
    [Fact]
    public void Of_Masked_ShowsInitialsYearAndLastTwoDigits()
    {
        var shown = ShownRecords.Of(Some.Patient(localId: "MRN1234"), showPhi: false).Fields.ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("M•••••••", shown["given_name"]);
        Assert.Equal("1961-••-••", shown["birth_date"]);
        Assert.Equal("•••••34", shown["local_id"]);
        Assert.Equal("••••••••32", shown["phone"]);
        Assert.Equal("[13 characters]", shown["address_line"]);
        Assert.Equal("NORTH_HOSP", shown["registry"]);
    }

    [Fact]
    public void Of_ShowPhi_ShowsTheNormalisedValues()
    {
        var shown = ShownRecords.Of(Some.Patient(), showPhi: true).Fields.ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("MARGARET", shown["given_name"]);
        Assert.Equal("1961-04-23", shown["birth_date"]);
    }

    [Fact]
    public void Agreement_AddressesOfOneLength_JudgedOnTheRealValues()
    {
        var a = Some.Patient(address: "12 WALLABY PL");
        var b = Some.Patient(address: "14 WALLABY PL");
        var fields = ShownRecords.Of(a, showPhi: false).Fields.Select(f => f.Key).ToList();

        var agreement = ShownRecords.Agreement(a, b);

        Assert.False(agreement[fields.IndexOf("address_line")]);
        Assert.True(agreement[fields.IndexOf("family_name")]);
        Assert.False(agreement[fields.IndexOf("email")]);
    }
}
