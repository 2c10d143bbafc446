using Mpi.Matching.Normalization;
using Mpi.Service.Matching;

namespace Mpi.Tests.Service.Persons;

public class GoldenViewTests
{
    private static IReadOnlyList<FieldReceipt> Receipts(string family, string? phone, FieldOutcome phoneOutcome = FieldOutcome.Accepted) =>
    [
        new("family_name", family, family, FieldOutcome.Accepted, null),
        new("phone", phone, phone, phone is null ? FieldOutcome.Missing : phoneOutcome, null),
    ];

    [Fact]
    public void Of_MostRecordsAgree_TheirValueWinsOverTheMostRecent()
    {
        var golden = GoldenView.Of([Receipts("SMYTH", "0211"), Receipts("SMITH", "0211"), Receipts("SMITH", null)]);

        Assert.Equal("SMITH", golden["family_name"]);
        Assert.Equal("0211", golden["phone"]);
    }

    [Fact]
    public void Of_ATie_GoesToTheMostRecentlyUpdatedRecord()
    {
        var golden = GoldenView.Of([Receipts("JONES", null), Receipts("JONAS", null), Receipts("JONAS", null), Receipts("JONES", null)]);

        Assert.Equal("JONES", golden["family_name"]);
        Assert.False(golden.ContainsKey("phone"));
    }

    [Fact]
    public void Of_SetAsideValues_NeverSurvive()
    {
        var golden = GoldenView.Of([Receipts("LEE", "0000", FieldOutcome.SetAside), Receipts("LEE", "0299")]);

        Assert.Equal("0299", golden["phone"]);
    }

    [Fact]
    public void Of_OneRecord_IsThatRecordsValues()
    {
        var golden = GoldenView.Of([Receipts("NG", "0311")]);

        Assert.Equal(new Dictionary<string, string> { ["family_name"] = "NG", ["phone"] = "0311" }, golden);
    }
}
