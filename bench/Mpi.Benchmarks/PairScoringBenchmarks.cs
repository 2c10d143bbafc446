using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Benchmarks;

/// <summary>
/// The scoring hot path: one candidate pair on the nine default comparisons (given, middle and family name, date of
/// birth, sex, location, phone, e-mail, national id). Acceptance: ≤ 1 µs median and zero bytes allocated per call.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyColumnsConfig))]
public class PairScoringBenchmarks
{
    private readonly PairScorer _scorer = new(ModelDefaults.Untrained(TimeProvider.System));
    private NormalizedRecord _anchor = null!, _typo = null!, _stranger = null!, _household = null!;

    [GlobalSetup]
    public void Setup()
    {
        _anchor = Record("MARGARET", "ANN", "THOMPSON", 1961, 4, 23, "12 WALLABY PL", "DELMAR", "2119", "0298765432", "m.thompson@example.org", "4066625");
        _typo = Record("MARGRET", "A", "THOMSON", 1961, 4, 28, "12 WALABY PL", "DELMAR", "2119", "0298765433", "m.thompson@example.org", "4066652");
        _stranger = Record("WILLIAM", "", "NGUYEN", 1990, 11, 2, "7 OTHER ST", "RICHLANDS", "4560", "0411222333", "will@example.com", "1804974");
        _household = Record("PETER", "JOHN", "THOMPSON", 1959, 2, 11, "12 WALLABY PL", "DELMAR", "2119", "0298765432", "", "8881234");
    }

    [Benchmark(Baseline = true)]
    public double TypoDuplicate() => _scorer.Score(_anchor, _typo).MatchWeight;

    [Benchmark]
    public double Stranger() => _scorer.Score(_anchor, _stranger).MatchWeight;

    [Benchmark]
    public double HouseholdMember() => _scorer.Score(_anchor, _household).MatchWeight;

    private static NormalizedRecord Record(string given, string middle, string family, int y, int m, int d, string address,
        string city, string postal, string phone, string email, string nationalId) => new()
    {
        Registry = "BENCH", LocalId = Guid.NewGuid().ToString("N"), GivenName = given, MiddleName = middle, FamilyName = family,
        BirthYear = y, BirthMonth = m, BirthDay = d, BirthDigits = $"{y:D4}{m:D2}{d:D2}", Sex = 'F', AddressLine = address,
        City = city, PostalCode = postal, Phone = phone, Email = email, NationalId = nationalId,
        GivenNameFrequency = 0.004, FamilyNameFrequency = 0.002,
    };
}

/// <summary>Median and tail columns beside the mean: the machine is shared, so the median is the figure to quote.</summary>
public sealed class LatencyColumnsConfig : ManualConfig
{
    public LatencyColumnsConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
}
