using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Mpi.Service.Faces;

/// <summary>
/// Tells whether a request came in on one of Kestrel's listeners (the review UI's, the FHIR face's). The port is read
/// from the server once it listens, since a configured port of 0 (tests) is only chosen by the operating system at
/// start, and then kept: every call asks, and reading the server's address list takes its lock and parsing the
/// address allocates.
/// </summary>
public sealed class ListenerPort(IServer server, int listenerIndex)
{
    /// <summary>Kestrel lists its endpoints in the order the host configures them: gRPC, metrics, the UI, FHIR, then the MLLP listeners.</summary>
    public const int Grpc = 0, Ui = 2, Fhir = 3, FirstMllp = 4;

    private volatile int _port;

    /// <summary>The listener's port, or 0 before the server listens.</summary>
    public int Port
    {
        get
        {
            var port = _port;
            if (port != 0) return port;
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.ElementAtOrDefault(listenerIndex);
            return address is null ? 0 : _port = new Uri(address).Port;
        }
    }

    public bool IsConnection(HttpContext context) => Port == context.Connection.LocalPort;
}
