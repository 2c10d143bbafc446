using Mpi.Matching.Nicknames;

namespace Mpi.Tests.Matching.Nicknames;

public sealed class NicknameTableParseTests
{
    private static NicknameTable ParseText(string text) => NicknameTable.Parse(new StringReader(text));

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnored()
    {
        var table = ParseText("""
            # a comment, with commas,ROBERT,BILL

            ROBERT,BOB,ROB
               # an indented comment
            WILLIAM,BILL

            """);

        Assert.Equal(2, table.GroupCount);
        Assert.True(table.AreEquivalent("BOB", "ROBERT"));
        Assert.False(table.AreEquivalent("ROBERT", "BILL"));
        Assert.Empty(table.GroupsOf("COMMENT"));
    }

    [Fact]
    public void Parse_GroupIds_FollowLineOrderFromZero()
    {
        var table = ParseText("ALBERT,AL,BERT\nALFRED,AL,FRED\n");

        Assert.Equal([0], table.GroupsOf("ALBERT"));
        Assert.Equal([1], table.GroupsOf("FRED"));
        Assert.Equal([0, 1], table.GroupsOf("AL"));
    }

    [Fact]
    public void Parse_LowerCaseAndSpacedFields_AreUpperCasedAndTrimmed()
    {
        var table = ParseText("robert, bob ,Rob\n");

        Assert.True(table.AreEquivalent("ROB", "ROBERT"));
        Assert.Equal([0], table.GroupsOf("BOB"));
    }

    [Fact]
    public void Parse_NameRepeatedWithinLine_CountedOnce()
    {
        var table = ParseText("ROBERT,BOB,BOB,ROBERT\n");

        Assert.Equal([0], table.GroupsOf("BOB"));
    }

    [Fact]
    public void Parse_EmptyText_NoGroups()
    {
        var table = ParseText("");

        Assert.Equal(0, table.GroupCount);
        Assert.False(table.AreEquivalent("BOB", "ROBERT"));
    }

    [Theory]
    [InlineData("ROBERT")]
    [InlineData("ROBERT,")]
    [InlineData("ROBERT,,BOB")]
    [InlineData("ROBERT,BOB-BY")]
    [InlineData("JOSÉ,PEPE")]
    [InlineData("ROBERT,BOB\nROBERT,ROB")]
    public void Parse_MalformedLine_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ParseText(text));
    }

    [Fact]
    public void Parse_MalformedLine_MessageNamesTheLine()
    {
        var error = Assert.Throws<FormatException>(() => ParseText("# header\nROBERT,BOB\nWILLIAM\n"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }
}
