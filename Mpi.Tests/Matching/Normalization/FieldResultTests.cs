using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class FieldResultTests
{
    [Fact]
    public void Of_SameText_Accepted()
    {
        Assert.Equal(Receipt.Accepted("JOSE"), FieldResult.Of("JOSE", "JOSE"));
    }

    [Fact]
    public void Of_DifferentText_Normalized()
    {
        Assert.Equal(Receipt.Normalized("JOSE"), FieldResult.Of("José", "JOSE"));
    }

    [Fact]
    public void Of_DiffersOnlyInCase_Normalized()
    {
        Assert.Equal(FieldOutcome.Normalized, FieldResult.Of("jose", "JOSE").Outcome);
    }

    [Fact]
    public void SetAside_Reason_NoValue()
    {
        var result = FieldResult.SetAside("placeholder name");

        Assert.Null(result.Value);
        Assert.Equal(FieldOutcome.SetAside, result.Outcome);
        Assert.Equal("placeholder name", result.Reason);
        Assert.False(result.HasValue);
    }

    [Fact]
    public void SetAside_BlankReason_Throws()
    {
        Assert.Throws<ArgumentException>(() => FieldResult.SetAside(" "));
    }

    [Fact]
    public void Missing_Default_NoValueNoReason()
    {
        Assert.Equal(new FieldResult(null, FieldOutcome.Missing, null), FieldResult.Missing);
        Assert.False(FieldResult.Missing.HasValue);
    }

    [Theory]
    [InlineData(FieldOutcome.Accepted, true)]
    [InlineData(FieldOutcome.Normalized, true)]
    [InlineData(FieldOutcome.Missing, false)]
    [InlineData(FieldOutcome.SetAside, false)]
    public void HasValue_Outcome_TrueOnlyForValues(FieldOutcome outcome, bool expected)
    {
        Assert.Equal(expected, new FieldResult("X", outcome, null).HasValue);
    }
}
