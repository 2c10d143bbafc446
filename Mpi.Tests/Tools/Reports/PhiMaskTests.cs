using Mpi.Tools.Reports;

namespace Mpi.Tests.Tools.Reports;

public sealed class PhiMaskTests
{
    [Theory]
    [InlineData("WALLER", "W•••••")]
    [InlineData("J", "•")]
    [InlineData("", "")]
    public void Name_KeepsTheInitialAndTheLength(string name, string masked) => Assert.Equal(masked, PhiMask.Name(name));

    [Fact]
    public void Date_KeepsTheYearOnly() => Assert.Equal("1908-••-••", PhiMask.Date(1908));

    [Theory]
    [InlineData("6988048", "•••••48")]
    [InlineData("4011", "••••")]
    [InlineData("", "")]
    public void Identifier_KeepsTheLastTwoOfLongerValues(string id, string masked) => Assert.Equal(masked, PhiMask.Identifier(id));

    [Fact]
    public void Text_KeepsTheLengthOnly() => Assert.Equal("[18 characters]", PhiMask.Text("6 tullaroop street"));
}
