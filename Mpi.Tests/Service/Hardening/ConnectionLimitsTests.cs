using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// The per-connection HTTP/2 bounds come from configuration (issue: hardening, item 3: per-connection limits for
/// callers without a key): the server announces them in the SETTINGS and WINDOW_UPDATE frames it opens every
/// connection with, before any call, so a client, keyed or not, may not exceed them. Real server, a raw HTTP/2
/// connection: no HTTP client shows the peer's settings.
/// </summary>
public sealed class ConnectionLimitsTests(ConnectionBoundService service) : IClassFixture<ConnectionBoundService>
{
    private const byte SettingsFrame = 0x4, WindowUpdateFrame = 0x8, AckFlag = 0x1;
    private const ushort MaxConcurrentStreams = 0x3, InitialWindowSize = 0x4, MaxHeaderListSize = 0x6;
    /// <summary>Every HTTP/2 connection starts with this window, the server's WINDOW_UPDATE adds to it (RFC 9113 6.9.2).</summary>
    private const int DefaultConnectionWindow = 65_535;

    [Fact]
    public async Task NewConnection_BeforeAnyCall_IsToldTheConfiguredBounds()
    {
        var address = new Uri(service.Address);
        using var tcp = new TcpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tcp.ConnectAsync(address.Host, address.Port, deadline.Token);
        var connection = tcp.GetStream();
        // The client preface, then an empty SETTINGS frame (RFC 9113 3.4).
        await connection.WriteAsync(Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), deadline.Token);
        await connection.WriteAsync(new byte[] { 0, 0, 0, SettingsFrame, 0, 0, 0, 0, 0 }, deadline.Token);

        Dictionary<ushort, uint>? settings = null;
        long? windowIncrement = null;
        while (settings is null || windowIncrement is null)
        {
            var (type, flags, streamId, payload) = await ReadFrameAsync(connection, deadline.Token);
            if (type == SettingsFrame && (flags & AckFlag) == 0)
                settings = Enumerable.Range(0, payload.Length / 6).ToDictionary(
                    i => BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(i * 6)), i => BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(i * 6 + 2)));
            else if (type == WindowUpdateFrame && streamId == 0)
                windowIncrement = BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7FFF_FFFF;
        }

        Assert.Equal((uint)ConnectionBoundService.StreamsPerConnection, settings[MaxConcurrentStreams]);
        Assert.Equal((uint)ConnectionBoundService.StreamWindowKilobytes * 1024, settings[InitialWindowSize]);
        Assert.Equal((uint)ConnectionBoundService.HeadersKilobytes * 1024, settings[MaxHeaderListSize]);
        Assert.Equal(ConnectionBoundService.ConnectionWindowKilobytes * 1024, DefaultConnectionWindow + windowIncrement);
    }

    /// <summary>One frame: a 9-byte header (length, type, flags, stream id) and its payload (RFC 9113 4.1).</summary>
    private static async Task<(byte Type, byte Flags, int StreamId, byte[] Payload)> ReadFrameAsync(NetworkStream connection, CancellationToken cancellation)
    {
        var header = new byte[9];
        await connection.ReadExactlyAsync(header, cancellation);
        var payload = new byte[(header[0] << 16) | (header[1] << 8) | header[2]];
        await connection.ReadExactlyAsync(payload, cancellation);
        return (header[3], header[4], (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7FFF_FFFF), payload);
    }
}
