using CsCheck;
using Mpi.Matching.Nicknames;

namespace Mpi.Tests.Matching.Nicknames;

public sealed class NicknameTableTests
{
    private static readonly NicknameTable Table = NicknameTable.Default;

    [Theory]
    [InlineData("BOB", "ROBERT")]
    [InlineData("BOBBY", "ROBERT")]
    [InlineData("BILL", "WILLIAM")]
    [InlineData("LIAM", "WILLIAM")]
    [InlineData("LIZ", "ELIZABETH")]
    [InlineData("BETSY", "ELIZABETH")]
    [InlineData("PEGGY", "MARGARET")]
    [InlineData("GRETA", "MARGARET")]
    [InlineData("DICK", "RICHARD")]
    [InlineData("RICK", "RICHARD")]
    [InlineData("JACK", "JOHN")]
    [InlineData("TED", "EDWARD")]
    [InlineData("NED", "EDWARD")]
    [InlineData("SANDY", "ALEXANDER")]
    [InlineData("HANK", "HENRY")]
    [InlineData("HARRY", "HENRY")]
    [InlineData("CHUCK", "CHARLES")]
    [InlineData("KATE", "KATHERINE")]
    [InlineData("KATE", "CATHERINE")]
    [InlineData("KATHY", "KATHRYN")]
    [InlineData("JIM", "JAMES")]
    [InlineData("TONY", "ANTHONY")]
    [InlineData("TRISH", "PATRICIA")]
    [InlineData("KIT", "CHRISTOPHER")]
    [InlineData("DEBBIE", "DEBORAH")]
    [InlineData("JENNY", "JENNIFER")]
    [InlineData("JOE", "JOSEPH")]
    [InlineData("MICK", "MICHAEL")]
    [InlineData("TOM", "THOMAS")]
    [InlineData("SUE", "SUSAN")]
    [InlineData("JON", "JONATHAN")]
    [InlineData("NICK", "NICHOLAS")]
    [InlineData("SAM", "SAMUEL")]
    [InlineData("SAM", "SAMANTHA")]
    public void AreEquivalent_CommonNicknameAndFormalName_TrueBothWays(string nickname, string formal)
    {
        Assert.True(Table.AreEquivalent(nickname, formal));
        Assert.True(Table.AreEquivalent(formal, nickname));
    }

    [Theory]
    [InlineData("ROBERT", "WILLIAM")]
    [InlineData("BOB", "BILL")]
    [InlineData("ROBERT", "BARBARA")]
    [InlineData("SAMUEL", "SAMANTHA")]
    [InlineData("JOHN", "JAMES")]
    [InlineData("ALBERT", "ALFRED")]
    public void AreEquivalent_UnrelatedNames_False(string a, string b)
    {
        Assert.False(Table.AreEquivalent(a, b));
        Assert.False(Table.AreEquivalent(b, a));
    }

    [Theory]
    [InlineData("BOB", "ROB")]
    [InlineData("BILL", "WILL")]
    [InlineData("PEGGY", "MAGGIE")]
    [InlineData("BETH", "LIZ")]
    public void AreEquivalent_TwoNicknamesOfOneFormalName_True(string a, string b)
    {
        Assert.True(Table.AreEquivalent(a, b));
    }

    [Fact]
    public void AreEquivalent_SameUnknownName_True()
    {
        Assert.True(Table.AreEquivalent("ZYWIEC", "ZYWIEC"));
    }

    [Fact]
    public void AreEquivalent_UnknownAndKnownName_False()
    {
        Assert.False(Table.AreEquivalent("ZYWIEC", "ROBERT"));
        Assert.False(Table.AreEquivalent("ROBERT", "ZYWIEC"));
    }

    [Fact]
    public void AreEquivalent_LowerCaseInput_MatchesUpperCase()
    {
        Assert.True(Table.AreEquivalent("bob", "Robert"));
        Assert.True(Table.AreEquivalent("zywiec", "ZYWIEC"));
    }

    [Theory]
    [InlineData("AL", new[] { "ALBERT", "ALFRED", "ALAN", "ALEXANDER" })]
    [InlineData("CHRIS", new[] { "CHRISTOPHER", "CHRISTINE", "CHRISTIAN" })]
    [InlineData("SAM", new[] { "SAMUEL", "SAMANTHA" })]
    public void GroupsOf_NicknameOfSeveralFormalNames_InEachOfTheirGroups(string nickname, string[] formals)
    {
        var groups = Table.GroupsOf(nickname);

        foreach (var formal in formals)
        {
            Assert.Contains(Table.GroupsOf(formal)[0], groups);
        }
    }

    [Fact]
    public void GroupsOf_UnknownName_Empty()
    {
        Assert.Empty(Table.GroupsOf("ZYWIEC"));
    }

    [Fact]
    public void GroupsOf_SameNameTwice_ReturnsTheSameCachedList()
    {
        Assert.Same(Table.GroupsOf("AL"), Table.GroupsOf("AL"));
        Assert.Same(Table.GroupsOf("al"), Table.GroupsOf("AL"));
    }

    [Fact]
    public void GroupsOf_ReturnedList_CannotBeModified()
    {
        var groups = Assert.IsAssignableFrom<IList<int>>(Table.GroupsOf("BOB"));

        Assert.True(groups.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => groups[0] = 42);
    }

    [Fact]
    public void GroupsOf_KnownName_DoesNotAllocate()
    {
        Table.GroupsOf("ROBERT");
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 1_000; i++)
        {
            Table.GroupsOf("ROBERT");
            Table.GroupsOf("ZYWIEC");
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void AreEquivalent_AnyTwoNamesFromTheTable_IsSymmetric()
    {
        var names = ShippedNicknameFile.AllNames();
        var anyName = Gen.Int[0, names.Length - 1].Select(i => names[i]);
        var anyPair = Gen.Select(anyName, anyName);

        // Two names drawn at random are almost never equivalent; half the pairs come from one line so
        // that symmetry is also checked where the answer is true.
        var lines = ShippedNicknameFile.DataLines.Select(line => line.Split(',')).ToArray();
        var sameLinePair = Gen.Int[0, lines.Length - 1].SelectMany(i =>
            Gen.Select(Gen.Int[0, lines[i].Length - 1], Gen.Int[0, lines[i].Length - 1])
                .Select((j, k) => (lines[i][j], lines[i][k])));

        Gen.OneOf(anyPair, sameLinePair).Sample(
            (a, b) => Table.AreEquivalent(a, b) == Table.AreEquivalent(b, a),
            iter: 10_000);
    }

    [Fact]
    public void AreEquivalent_AnyNameFromTheTable_IsEquivalentToItselfAndToItsFormalName()
    {
        var lines = ShippedNicknameFile.DataLines.Select(line => line.Split(',')).ToArray();
        var formalAndNickname = Gen.Int[0, lines.Length - 1].SelectMany(i =>
            Gen.Int[1, lines[i].Length - 1].Select(j => (Formal: lines[i][0], Nickname: lines[i][j])));

        formalAndNickname.Sample(
            (formal, nickname) => Table.AreEquivalent(nickname, nickname) && Table.AreEquivalent(nickname, formal),
            iter: 10_000);
    }
}
