using CsCheck;
using Mpi.Matching.Comparisons.Similarity;

namespace Mpi.Tests.Matching.Comparisons;

public class EditDistanceTests
{
    [Theory]
    [InlineData("123456789", "123456788", true)]   // substitution
    [InlineData("123456789", "123546789", true)]   // adjacent transposition
    [InlineData("123456789", "12345678", true)]    // deletion
    [InlineData("123456789", "1234567890", true)]  // insertion
    [InlineData("123456789", "123456789", false)]  // equal
    [InlineData("123456789", "123456700", false)]  // two substitutions
    [InlineData("123456789", "132456798", false)]  // two transpositions
    [InlineData("19610423", "19610432", true)]
    public void IsOneEditOrTransposition_Cases_AsExpected(string a, string b, bool expected)
    {
        Assert.Equal(expected, EditDistance.IsOneEditOrTransposition(a, b));
        Assert.Equal(expected, EditDistance.IsOneEditOrTransposition(b, a));
    }

    [Fact]
    public void IsOneEditOrTransposition_AnyPair_IsSymmetric() =>
        Gen.Select(Gen.String[Gen.Char['0', '3'], 0, 8], Gen.String[Gen.Char['0', '3'], 0, 8]).Sample((a, b) =>
            EditDistance.IsOneEditOrTransposition(a, b) == EditDistance.IsOneEditOrTransposition(b, a));

    [Fact]
    public void IsOneEditOrTransposition_SingleSubstitution_AlwaysTrue() =>
        Gen.Select(Gen.String[Gen.Char['0', '9'], 1, 12], Gen.Int[0, 1000], Gen.Char['A', 'Z']).Sample((s, at, c) =>
        {
            var i = at % s.Length;
            var changed = s[..i] + c + s[(i + 1)..];
            return EditDistance.IsOneEditOrTransposition(s, changed);
        });
}
