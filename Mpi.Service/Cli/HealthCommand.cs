using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>health</c>: asks a running service the standard gRPC health question (no key needed) and prints one line:
/// the check a newcomer runs after starting it, and a probe for scripts (exit 0 serving, 2 otherwise).
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "The service", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("health", "Ask a running service whether it serves (grpc.health.v1; one line, exit 0 when serving)") { address };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(address)!, Console.Out, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(string address, TextWriter stdout, CancellationToken cancellation)
    {
        using var channel = GrpcChannel.ForAddress(address);
        try
        {
            var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5),
                cancellationToken: cancellation);
            var serving = answer.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            await stdout.WriteLineAsync(serving ? $"{address}: SERVING"
                : $"{address}: {WireName(answer.Status)} (still loading its records after a start, or its database is unreachable: see its log)");
            return serving ? ExitCodes.Success : ExitCodes.InputError;
        }
        catch (RpcException e)
        {
            await stdout.WriteLineAsync($"{address}: no answer ({e.StatusCode}): is the service running, on this address?");
            return ExitCodes.InputError;
        }
    }

    /// <summary>The status as grpc.health.v1 spells it (<c>NOT_SERVING</c>), as every other health probe prints it.</summary>
    private static string WireName(HealthCheckResponse.Types.ServingStatus status) =>
        HealthCheckResponse.Descriptor.FindFieldByNumber(HealthCheckResponse.StatusFieldNumber).EnumType.FindValueByNumber((int)status).Name;
}
