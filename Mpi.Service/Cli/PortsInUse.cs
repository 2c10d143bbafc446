using System.Net;
using System.Net.Sockets;
using Mpi.Service.Configuration;

namespace Mpi.Service.Cli;

/// <summary>
/// The ports <c>serve</c> is to listen on that another process holds already, found before anything starts: Kestrel's
/// own refusal comes only after the database is prepared, as a stack trace followed by every background service
/// reporting its stop — a second <c>serve</c> in the same folder should get one line that says what to do.
/// </summary>
internal static class PortsInUse
{
    /// <summary>Each port in use with what it is for and the option that moves it.</summary>
    public static IReadOnlyList<string> Of(MpiServiceOptions options)
    {
        var address = options.ListenOnAllInterfaces ? IPAddress.Any : IPAddress.Loopback;
        var ports = new List<(int Port, string Use)>
        {
            (options.GrpcPort, "gRPC (--port)"), (options.MetricsPort, "metrics (--metrics-port)"),
            (options.UiPort, "the review UI (--ui-port)"), (options.FhirPort, "FHIR (--fhir-port)"),
        };
        for (var i = 0; i < options.MllpListeners.Count; i++) ports.Add((options.MllpListeners[i].Port, $"MLLP listener {i} (--mllp-port for the first)"));
        return [.. ports.Where(p => p.Port > 0 && !Free(address, p.Port)).Select(p => $"port {p.Port} on {address}, for {p.Use}")];
    }

    private static bool Free(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
