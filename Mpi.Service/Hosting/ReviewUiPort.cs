using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Mpi.Service.Hosting;

/// <summary>
/// Tells whether a request came in on the review UI's listener. The port is read from the server once it listens,
/// since a configured port of 0 (tests) is only chosen by the operating system at start.
/// </summary>
public static class ReviewUiPort
{
    /// <summary>Kestrel lists its endpoints in configuration order: gRPC, metrics, then the UI.</summary>
    private const int UiListenerIndex = 2;

    public static bool IsUiConnection(HttpContext context)
    {
        var addresses = context.RequestServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var ui = addresses?.ElementAtOrDefault(UiListenerIndex);
        return ui is not null && new Uri(ui).Port == context.Connection.LocalPort;
    }
}
