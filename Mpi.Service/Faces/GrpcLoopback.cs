using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Mpi.Contracts.V1;

namespace Mpi.Service.Faces;

/// <summary>
/// The other faces' way into the application (FHIR, HL7 v2): the service's own gRPC API over a loopback channel, with
/// the caller's key passed on. So their requests are authorised, validated, audited, kept in the exception queue,
/// registered and fed to the identity-change feed exactly as the same gRPC call — there is no second copy of any of
/// it to drift — for the price of a loopback hop (a fraction of a millisecond).
/// </summary>
public sealed class GrpcLoopback(IServer server) : IDisposable
{
    private readonly ListenerPort _grpc = new(server, ListenerPort.Grpc);
    private readonly Lock _opening = new();
    private GrpcChannel? _channel;

    public RegistrationService.RegistrationServiceClient Registration => new(Channel);

    public PersonService.PersonServiceClient Persons => new(Channel);

    /// <summary>The caller's <c>authorization</c> header, passed on as it came, and the request's cancellation.</summary>
    public static CallOptions CallFor(HttpContext context) =>
        new(new Metadata { { "authorization", context.Request.Headers.Authorization.ToString() } }, cancellationToken: context.RequestAborted);

    /// <summary>Calls with a key of the face's own configuration (an MLLP listener's), and a cancellation.</summary>
    public static CallOptions CallWith(string apiKey, CancellationToken cancellation) =>
        new(new Metadata { { "authorization", $"Bearer {apiKey}" } }, cancellationToken: cancellation);

    private GrpcChannel Channel
    {
        get
        {
            if (_channel is { } open) return open;
            lock (_opening)
            {
                var port = _grpc.Port;
                if (port == 0) throw new InvalidOperationException("the gRPC listener is not listening yet");
                return _channel ??= GrpcChannel.ForAddress($"http://127.0.0.1:{port}",
                    new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
            }
        }
    }

    public void Dispose() => _channel?.Dispose();
}
