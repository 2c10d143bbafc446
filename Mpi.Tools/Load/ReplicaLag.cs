using System.Diagnostics;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Matching.Records;
using Mpi.Service.Grpc;

namespace Mpi.Tools.Load;

/// <summary>
/// How long a registration acknowledged by one replica takes to show in another replica's <c>Match</c>: each record is
/// registered on the writing replica, then the reading one is asked with the same demographics, every millisecond,
/// until the registered person is among its candidates. One change at a time, so that each lag is its own.
/// </summary>
internal static class ReplicaLag
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(5);

    /// <summary>The lag of each of the first <paramref name="changes"/> records (a failure when never seen within five seconds).</summary>
    public static async Task<ClosedLoop.Result> MeasureAsync(RegistrationService.RegistrationServiceClient writer, RegistrationService.RegistrationServiceClient reader,
        Metadata headers, IReadOnlyList<PatientRecord> rows, int changes, TextWriter errors, CancellationToken cancellation)
    {
        var lags = new List<double>(changes);
        var failures = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Math.Min(changes, rows.Count); i++)
        {
            var demographics = ContractMapping.ToDemographics(rows[i]);
            var registered = await writer.RegisterAsync(new RegisterRequest
            {
                Key = new RecordKey { Registry = rows[i].Registry, LocalId = rows[i].LocalId }, Demographics = demographics,
                InvalidFieldPolicy = InvalidFieldPolicy.SetAside,
            }, headers, cancellationToken: cancellation);
            var acknowledged = Stopwatch.GetTimestamp();
            var seen = false;
            while (!seen && Stopwatch.GetElapsedTime(acknowledged) < GiveUpAfter)
            {
                var found = await reader.MatchAsync(new MatchRequest { Demographics = demographics, TopK = 5 }, headers, cancellationToken: cancellation);
                seen = found.Candidates.Any(c => c.PersonId == registered.PersonId);
                if (!seen) await Task.Delay(1, cancellation);
            }
            if (seen) lags.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
            else
            {
                failures++;
                await errors.WriteLineAsync($"record {i + 1}: not seen by the reading replica within {GiveUpAfter.TotalSeconds:0} s");
            }
        }
        lags.Sort();
        return new ClosedLoop.Result(lags.Count + failures, failures, clock.Elapsed.TotalSeconds, [.. lags]);
    }
}
