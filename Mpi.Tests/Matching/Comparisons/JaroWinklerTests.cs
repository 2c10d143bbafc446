using CsCheck;
using Mpi.Matching.Comparisons.Similarity;

namespace Mpi.Tests.Matching.Comparisons;

public class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("CHRISTOPHER", "CHRISTOPHE", 0.9818)]
    public void Similarity_PublishedPairs_MatchPublishedValues(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("ABC", "", 0.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    [InlineData("SMITH", "SMITH", 1.0)]
    public void Similarity_EdgeCases_AreBounded(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 6);

    [Fact]
    public void Similarity_AnyTwoStrings_IsSymmetricAndWithinZeroAndOne() =>
        Gen.Select(Gen.String[Gen.Char['A', 'F'], 0, 12], Gen.String[Gen.Char['A', 'F'], 0, 12]).Sample((a, b) =>
        {
            var ab = JaroWinkler.Similarity(a, b);
            var ba = JaroWinkler.Similarity(b, a);
            return ab >= 0 && ab <= 1 && Math.Abs(ab - ba) < 1e-12 && (a != b || ab == 1.0);
        });

    [Fact]
    public void Jaro_UpToAWordOfCharacters_EqualsTheGeneralPath() =>
        Gen.Select(Gen.String[Gen.Char['A', 'E'], 1, 64], Gen.String[Gen.Char['A', 'E'], 1, 64]).Sample((a, b) =>
        {
            var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
            return JaroWinkler.JaroWithinAWord(shorter, longer) == JaroWinkler.JaroAnyLength(shorter, longer);
        });

    [Fact]
    public void Similarity_LongNames_DoNotThrow() =>
        Assert.InRange(JaroWinkler.Similarity(new string('A', 10_000), new string('A', 9_999) + "B"), 0.99, 1.0);
}
