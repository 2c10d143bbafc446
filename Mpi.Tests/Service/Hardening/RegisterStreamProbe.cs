using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Hardening;

/// <summary>What a RegisterStream answers to one registration: "served", "ended" or the refusal's status code.</summary>
public static class RegisterStreamProbe
{
    public static async Task<string> SendOneAsync(AsyncDuplexStreamingCall<RegisterStreamRequest, RegisterStreamResponse> call, int index, RegisterRequest register)
    {
        try
        {
            await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = index, Register = register });
        }
        catch (RpcException)
        {
            // A refused stream is answered trailers-only and reset; a write racing that reset fails as CANCELLED.
            // The refusal itself is the response's status, read below.
        }
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await call.ResponseStream.MoveNext(deadline.Token) ? "served" : "ended";
        }
        catch (RpcException refused)
        {
            return refused.StatusCode.ToString();
        }
    }
}
