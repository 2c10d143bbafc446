using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Mpi.Service.Hosting;

/// <summary>
/// Tells whether a request came in on the review UI's listener. The port is read from the server once it listens,
/// since a configured port of 0 (tests) is only chosen by the operating system at start, and then kept: every gRPC
/// call asks, and reading the server's address list takes its lock and parsing the address allocates.
/// </summary>
public sealed class ReviewUiPort(IServer server)
{
    /// <summary>Kestrel lists its endpoints in configuration order: gRPC, metrics, then the UI.</summary>
    private const int UiListenerIndex = 2;

    private volatile int _port;

    public bool IsUiConnection(HttpContext context)
    {
        var port = _port;
        if (port == 0)
        {
            var ui = server.Features.Get<IServerAddressesFeature>()?.Addresses.ElementAtOrDefault(UiListenerIndex);
            if (ui is null) return false;
            _port = port = new Uri(ui).Port;
        }
        return port == context.Connection.LocalPort;
    }
}
