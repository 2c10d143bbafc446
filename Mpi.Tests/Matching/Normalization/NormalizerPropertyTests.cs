using System.Globalization;
using CsCheck;
using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

/// <summary>
/// Invariants every normaliser keeps on any input. CsCheck prints a seed on failure; pass it as <c>seed:</c>
/// (or set CsCheck_Seed) to replay the case.
/// </summary>
public class NormalizerPropertyTests
{
    private const int Iterations = 3_000;

    [Theory]
    [MemberData(nameof(FieldSpec.Names), MemberType = typeof(FieldSpec))]
    public void Normalize_AnyText_ReceiptIsConsistent(string field)
    {
        var spec = FieldSpec.Named(field);

        NormalizationGen.Text.Sample(raw => AssertConsistent(raw, spec.Normalize(raw)), iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(FieldSpec.Names), MemberType = typeof(FieldSpec))]
    public void Normalize_TenThousandCharacters_NeverThrowsAndStaysConsistent(string field)
    {
        var spec = FieldSpec.Named(field);

        NormalizationGen.LongText.Sample(raw => AssertConsistent(raw, spec.Normalize(raw)), iter: 20);
    }

    [Theory]
    [MemberData(nameof(FieldSpec.Names), MemberType = typeof(FieldSpec))]
    public void Normalize_AnyText_ValueBoundedAndOfAllowedCharacters(string field)
    {
        var spec = FieldSpec.Named(field);

        NormalizationGen.Text.Sample(raw =>
        {
            var value = spec.Normalize(raw).Value;
            return value is null || (value.Length <= spec.MaxLength && spec.IsAllowed(value));
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(FieldSpec.Names), MemberType = typeof(FieldSpec))]
    public void Normalize_NormalizedValue_AcceptedUnchanged(string field)
    {
        var spec = FieldSpec.Named(field);

        NormalizationGen.Text.Sample(raw =>
        {
            var value = spec.Normalize(raw).Value;
            return value is null || spec.Normalize(value) == new FieldResult(value, FieldOutcome.Accepted, null);
        }, iter: Iterations);
    }

    [Fact]
    public void Clean_AnyText_IdempotentAndClean()
    {
        NormalizationGen.Text.Sample(raw =>
        {
            var cleaned = TextCleaner.Clean(raw);
            return TextCleaner.Clean(cleaned) == cleaned && FieldSpec.IsCleanText(cleaned, spaces: true);
        }, iter: Iterations);
    }

    [Fact]
    public void FamilyNameParts_AnyText_ConcatenateToFamilyValue()
    {
        NormalizationGen.Text.Sample(raw =>
            string.Concat(NameNormalizer.FamilyNameParts(raw)) == (NameNormalizer.Family(raw).Value ?? string.Empty),
            iter: Iterations);
    }

    [Fact]
    public void Given_AnyText_SuffixOnlyWithValueAndKnown()
    {
        NormalizationGen.Text.Sample(raw =>
        {
            var result = NameNormalizer.Given(raw, out var suffix);
            return suffix is null || (result.HasValue && SuffixNormalizer.All.Contains(suffix));
        }, iter: Iterations);
    }

    [Fact]
    public void BirthDateNormalize_AnyPlausibleDateInAnyFormat_SameIsoDate()
    {
        var earliest = new DateOnly(BirthDateNormalizer.EarliestYear, 1, 1);
        var dates = Gen.Int[earliest.DayNumber, FieldSpec.Today.DayNumber].Select(DateOnly.FromDayNumber)
            .Where(d => !Placeholders.IsPlaceholderBirthDate(new BirthDate(d.Year, d.Month, d.Day)));
        var formats = Gen.OneOf(
            "yyyy-MM-dd", "yyyyMMdd", "MM/dd/yyyy", "M/d/yyyy", "MM-dd-yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
            "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss");

        Gen.Select(dates, formats).Sample((date, format) =>
        {
            var raw = date.ToDateTime(new TimeOnly(13, 45, 30)).ToString(format, CultureInfo.InvariantCulture);
            return BirthDateNormalizer.Normalize(raw, FieldSpec.Today).Value
                == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }, iter: Iterations);
    }

    [Fact]
    public void BirthDateNormalize_DayFirstWhenDayOverTwelve_SameIsoDate()
    {
        var dates = Gen.Select(Gen.Int[1870, 2024], Gen.Int[1, 12], Gen.Int[13, 28], (y, m, d) => new DateOnly(y, m, d));

        dates.Sample(date =>
        {
            var raw = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            return BirthDateNormalizer.Normalize(raw, FieldSpec.Today).Value
                == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }, iter: Iterations);
    }

    private static void AssertConsistent(string? raw, FieldResult result)
    {
        Assert.Equal(string.IsNullOrWhiteSpace(raw), result.Outcome == FieldOutcome.Missing);
        Assert.Equal(result.HasValue, result.Value is not null);
        Assert.Equal(result.Outcome == FieldOutcome.SetAside, result.Reason is not null);
        if (result.Reason is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.True(result.Reason.Length <= 80, $"reason too long: {result.Reason.Length}");
        }

        if (result.Outcome == FieldOutcome.Accepted)
        {
            Assert.Equal(raw, result.Value);
        }

        if (result.Outcome == FieldOutcome.Normalized)
        {
            Assert.NotEqual(raw, result.Value);
        }
    }
}
