using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Mpi.Contracts.V1;
using Mpi.Service.Hosting;

namespace Mpi.Service.Fhir;

/// <summary>
/// The FHIR face's way into the application: the service's own gRPC API over a loopback channel, with the caller's
/// <c>authorization</c> header passed on. So a FHIR request is authorised, validated, audited, kept in the exception
/// queue, registered and fed to the identity-change feed exactly as the same gRPC call — there is no second copy of
/// any of it to drift — for the price of a loopback hop (a fraction of a millisecond).
/// </summary>
public sealed class FhirGateway(IServer server) : IDisposable
{
    private readonly ListenerPort _grpc = new(server, ListenerPort.Grpc);
    private readonly Lock _opening = new();
    private GrpcChannel? _channel;

    public RegistrationService.RegistrationServiceClient Registration => new(Channel);

    public PersonService.PersonServiceClient Persons => new(Channel);

    /// <summary>The caller's key, passed on as it came, and the request's cancellation.</summary>
    public static CallOptions CallFor(HttpContext context) =>
        new(new Metadata { { "authorization", context.Request.Headers.Authorization.ToString() } }, cancellationToken: context.RequestAborted);

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
