using Grpc.Core;

namespace Mpi.Tools.Load;

/// <summary>
/// What an interface engine does when a Register is shed (RESOURCE_EXHAUSTED with a RetryInfo delay): waits as long
/// as the service asks and sends the same call again. A refusal without a delay is not shedding and is not retried.
/// </summary>
internal static class ShedRetry
{
    /// <summary>The delay the service asks for in a RESOURCE_EXHAUSTED refusal, if any.</summary>
    public static TimeSpan? Delay(RpcException e) =>
        e.StatusCode == StatusCode.ResourceExhausted ? e.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>()?.RetryDelay?.ToTimeSpan() : null;

    /// <summary>Sends <paramref name="call"/> until it is not shed; <paramref name="shed"/> counts each wait.</summary>
    public static async Task<T> UntilAdmittedAsync<T>(Func<Task<T>> call, Action shed, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (Delay(e) is { } wait)
            {
                shed();
                await Task.Delay(wait, cancellation);
            }
        }
    }
}
