using System.Net;
using System.Net.Sockets;

namespace Mpi.Tests.Service;

/// <summary>A loopback port no one listens on at the moment of asking (the system's pick for port 0, released at once).</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
