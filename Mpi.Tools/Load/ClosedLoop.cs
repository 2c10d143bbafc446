using System.Diagnostics;
using System.Globalization;

namespace Mpi.Tools.Load;

/// <summary>
/// N callers that each send their next call as soon as the previous one answers (a closed loop), until the calls are
/// used up; the latency of every call and the wall time, for throughput and percentiles.
/// </summary>
internal static class ClosedLoop
{
    public sealed record Result(int Calls, int Failures, double Seconds, double[] SortedLatenciesMs)
    {
        public double PerSecond => Calls / Math.Max(Seconds, 1e-9);

        public double Percentile(double q) =>
            SortedLatenciesMs.Length == 0 ? 0 : SortedLatenciesMs[(int)Math.Min(SortedLatenciesMs.Length - 1, Math.Floor(q * SortedLatenciesMs.Length))];

        public string Summary() => string.Create(CultureInfo.InvariantCulture,
            $"calls={Calls} failed={Failures} seconds={Seconds:F1} per_second={PerSecond:F0} p50_ms={Percentile(0.50):F3} p99_ms={Percentile(0.99):F3}");
    }

    /// <summary>
    /// <see cref="RunAsync"/> after <paramref name="warmUp"/> of the same calls, unreported. A fresh process runs its
    /// first thousands of calls through code still being compiled (tiered compilation), and on a two-core machine the
    /// compiler's thread takes time from the service being measured.
    /// </summary>
    public static async Task<Result> RunAfterWarmUpAsync(int callers, int calls, TimeSpan warmUp, Func<int, Task<bool>> call,
        CancellationToken cancellation)
    {
        if (warmUp > TimeSpan.Zero) await RunAsync(callers, int.MaxValue, call, cancellation, stopAfter: warmUp);
        return await RunAsync(callers, calls, call, cancellation);
    }

    /// <param name="call">Makes call number i; false when it failed.</param>
    /// <param name="stopAfter">Stops starting calls after this time (a warm-up; no latencies are kept).</param>
    public static async Task<Result> RunAsync(int callers, int calls, Func<int, Task<bool>> call, CancellationToken cancellation,
        TimeSpan? stopAfter = null)
    {
        var keepLatencies = stopAfter is null;
        var latencies = new double[keepLatencies ? calls : 0];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            // A warm-up makes at least one call per caller, however late a busy machine starts the caller.
            var made = 0;
            while ((i = Interlocked.Increment(ref next)) < calls && !cancellation.IsCancellationRequested && (made++ == 0 || !(clock.Elapsed >= stopAfter)))
            {
                var started = Stopwatch.GetTimestamp();
                if (!await call(i)) Interlocked.Increment(ref failures);
                if (keepLatencies) latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellation)));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Result(calls, failures, seconds, latencies);
    }
}
