using BenchmarkDotNet.Attributes;
using Mpi.Matching.Comparisons.Similarity;

namespace Mpi.Benchmarks;

/// <summary>
/// Jaro on names, as scoring and EM call it millions of times, mostly on strangers: the one-word bit-mask path
/// against the general path it replaces for strings of up to 64 characters. Same values (a test holds them equal).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyColumnsConfig))]
public class JaroWinklerBenchmarks
{
    private static readonly (string A, string B)[] Pairs =
    [
        ("MARGARET", "THOMPSON"), ("WILLIAM", "WILLIAMS"), ("NGUYEN", "CARRUTHERSTAYLOR"), ("MARTHA", "MARHTA"),
        ("12 WALLABY PL", "7 OTHER ST"), ("JEMALONG RETRMNT VLGE", "JEMALONG RETIREMENT VILLAGE"), ("OTTOLINE", "OTTILIE"), ("JO", "JOHN"),
    ];

    [Benchmark(Baseline = true)]
    public double AnyLength()
    {
        var sum = 0.0;
        foreach (var (a, b) in Pairs) sum += a.Length <= b.Length ? JaroWinkler.JaroAnyLength(a, b) : JaroWinkler.JaroAnyLength(b, a);
        return sum;
    }

    [Benchmark]
    public double WithinAWord()
    {
        var sum = 0.0;
        foreach (var (a, b) in Pairs) sum += a.Length <= b.Length ? JaroWinkler.JaroWithinAWord(a, b) : JaroWinkler.JaroWithinAWord(b, a);
        return sum;
    }
}
