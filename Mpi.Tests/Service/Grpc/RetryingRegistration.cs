using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Registers as an interface engine does: a Register shed by the service's admission (RESOURCE_EXHAUSTED; at 32
/// callers the default 500 a second can be outrun) is sent again, same message id, after the hinted delay.
/// </summary>
public static class RetryingRegistration
{
    public static async Task<RegisterResponse> RegisterAsync(RegistrationService.RegistrationServiceClient client, RegisterRequest message,
        CancellationToken cancellation, TimeSpan? callTimeout = null)
    {
        while (true)
        {
            try
            {
                return await client.RegisterAsync(message, deadline: callTimeout is { } timeout ? DateTime.UtcNow.Add(timeout) : null,
                    cancellationToken: cancellation);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                await Task.Delay(e.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>().RetryDelay.ToTimeSpan(), cancellation);
            }
        }
    }
}
