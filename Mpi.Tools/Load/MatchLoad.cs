using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Mpi.Contracts.V1;
using Mpi.Matching.Records;
using Mpi.Service.Grpc;

namespace Mpi.Tools.Load;

/// <summary>
/// The read side of the load test: <c>Match</c> calls (nothing stored) for the file's records, and the empty-RPC
/// baseline (<c>grpc.health.v1.Health/Check</c>, which touches no data) from the same callers on the same channel,
/// so that the service's own cost can be told from the cost of gRPC on the machine.
/// </summary>
internal static class MatchLoad
{
    public static Task<ClosedLoop.Result> EmptyRpcAsync(GrpcChannel channel, int callers, int calls, TimeSpan warmUp, CancellationToken cancellation)
    {
        var health = new Health.HealthClient(channel);
        var request = new HealthCheckRequest();
        return ClosedLoop.RunAfterWarmUpAsync(callers, calls, warmUp, async _ =>
        {
            var answer = await health.CheckAsync(request, cancellationToken: cancellation);
            return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }, cancellation);
    }

    public static Task<ClosedLoop.Result> MatchAsync(GrpcChannel channel, Metadata headers, IReadOnlyList<PatientRecord> rows, int callers,
        int calls, TimeSpan warmUp, TextWriter errors, CancellationToken cancellation)
    {
        var client = new RegistrationService.RegistrationServiceClient(channel);
        return ClosedLoop.RunAfterWarmUpAsync(callers, calls, warmUp, async i =>
        {
            var row = rows[i % rows.Count];
            try
            {
                await client.MatchAsync(new MatchRequest
                {
                    Demographics = ContractMapping.ToDemographics(row), TopK = 3, InvalidFieldPolicy = InvalidFieldPolicy.SetAside,
                }, headers, cancellationToken: cancellation);
                return true;
            }
            catch (RpcException e)
            {
                await errors.WriteLineAsync($"match {i + 1}: {e.StatusCode} {e.Status.Detail}");
                return false;
            }
        }, cancellation);
    }

    /// <summary>GetPerson calls by the file's record keys (registered before), each with its audit row written.</summary>
    public static Task<ClosedLoop.Result> ReadPersonsAsync(GrpcChannel channel, Metadata headers, IReadOnlyList<PatientRecord> rows, int callers,
        int calls, TimeSpan warmUp, TextWriter errors, CancellationToken cancellation)
    {
        var client = new PersonService.PersonServiceClient(channel);
        return ClosedLoop.RunAfterWarmUpAsync(callers, calls, warmUp, async i =>
        {
            var row = rows[i % rows.Count];
            try
            {
                await client.GetPersonAsync(new GetPersonRequest
                {
                    Record = new RecordKey { Registry = row.Registry, LocalId = row.LocalId }, Reason = "load test",
                }, headers, cancellationToken: cancellation);
                return true;
            }
            catch (RpcException e)
            {
                await errors.WriteLineAsync($"read {i + 1}: {e.StatusCode} {e.Status.Detail}");
                return false;
            }
        }, cancellation);
    }
}
