using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Matching.Records;
using Mpi.Service.Grpc;

namespace Mpi.Tools.Load;

/// <summary>
/// The overload test (<c>load --mixed</c>): for a fixed time, half the callers register and half match, each sending
/// its next call as soon as the last one answers. With more callers than the writer's queue admits, Register is shed
/// with RESOURCE_EXHAUSTED while Match keeps its latency; a shed caller waits the RetryInfo delay the service asks for
/// before its next Register, as an interface engine does. Afterwards, how long until a Register is served again.
/// </summary>
internal static class OverloadRun
{
    public sealed record Result(ClosedLoop.Result Matches, ClosedLoop.Result Registers, int Shed, int OtherFailures, double RecoveryMs)
    {
        public string Summary() => string.Create(CultureInfo.InvariantCulture,
            $"match_calls={Matches.Calls} match_p50_ms={Matches.Percentile(0.50):F2} match_p99_ms={Matches.Percentile(0.99):F2} " +
            $"register_served={Registers.Calls} register_p50_ms={Registers.Percentile(0.50):F2} register_p99_ms={Registers.Percentile(0.99):F2} " +
            $"register_shed={Shed} other_failures={OtherFailures} recovery_ms={RecoveryMs:F0}");
    }

    public static async Task<Result> RunAsync(RegistrationService.RegistrationServiceClient client, Metadata headers, IReadOnlyList<PatientRecord> rows,
        int callers, TimeSpan duration, TextWriter errors, CancellationToken cancellation)
    {
        var matchLatencies = new List<double>[callers];
        var registerLatencies = new List<double>[callers];
        int shed = 0, otherFailures = 0, next = -1;
        var run = Guid.NewGuid().ToString("N")[..8]; // a fresh local id per call: every Register stores a new record
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var registers = caller % 2 == 0;
            var latencies = (registers ? registerLatencies : matchLatencies)[caller] = [];
            while (clock.Elapsed < duration && !cancellation.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                var row = rows[i % rows.Count];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (registers) await client.RegisterAsync(Register(row, $"{run}-{i}"), headers, cancellationToken: cancellation);
                    else await client.MatchAsync(Match(row), headers, cancellationToken: cancellation);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && registers)
                {
                    Interlocked.Increment(ref shed);
                    // As an interface engine does: wait as long as the service asks before the next Register.
                    if (ShedRetry.Delay(e) is { } wait) await Task.Delay(wait, cancellation);
                }
                catch (RpcException e)
                {
                    Interlocked.Increment(ref otherFailures);
                    await errors.WriteLineAsync($"{(registers ? "register" : "match")} {i + 1}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        }, cancellation)));
        var recovery = await RecoveryAsync(client, headers, rows[0], run, cancellation);
        return new Result(Sorted(matchLatencies, clock.Elapsed.TotalSeconds), Sorted(registerLatencies, clock.Elapsed.TotalSeconds),
            shed, otherFailures, recovery);
    }

    /// <summary>From the end of the load: how long until one Register is served rather than shed.</summary>
    private static async Task<double> RecoveryAsync(RegistrationService.RegistrationServiceClient client, Metadata headers, PatientRecord row, string run,
        CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.RegisterAsync(Register(row, $"{run}-recovery-{attempt}"), headers, cancellationToken: cancellation);
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                await Task.Delay(10, cancellation);
            }
        }
    }

    private static ClosedLoop.Result Sorted(List<double>[] perCaller, double seconds)
    {
        var all = perCaller.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new ClosedLoop.Result(all.Length, 0, seconds, all);
    }

    private static RegisterRequest Register(PatientRecord row, string localId) => new()
    {
        Key = new RecordKey { Registry = row.Registry, LocalId = localId }, Demographics = ContractMapping.ToDemographics(row),
        InvalidFieldPolicy = InvalidFieldPolicy.SetAside,
    };

    private static MatchRequest Match(PatientRecord row) => new()
    {
        Demographics = ContractMapping.ToDemographics(row), TopK = 3, InvalidFieldPolicy = InvalidFieldPolicy.SetAside,
    };
}
