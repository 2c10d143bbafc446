using System.Net.Sockets;
using System.Text;

namespace Mpi.Tests.Service.Hl7v2;

/// <summary>A plain TCP client speaking MLLP, as an interface engine would: one block out, one acknowledgement back.</summary>
public sealed class MllpClient : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private NetworkStream? _stream;

    public static async Task<MllpClient> ConnectAsync(int port)
    {
        var client = new MllpClient();
        await client._tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        client._stream = client._tcp.GetStream();
        return client;
    }

    /// <summary>Sends one message (segments joined by carriage returns) in an MLLP block and reads the acknowledgement.</summary>
    public async Task<string> SendAsync(params string[] segments)
    {
        await SendRawAsync([0x0B, .. Encoding.UTF8.GetBytes(string.Join('\r', segments) + "\r"), 0x1C, 0x0D]);
        return await ReceiveAsync() ?? throw new InvalidOperationException("the connection closed without an acknowledgement");
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream!.WriteAsync(bytes);

    /// <summary>The next acknowledgement's text, or null when the service closed the connection.</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            int read;
            try { read = await _stream!.ReadAsync(one, timeout.Token); }
            catch (Exception e) when (e is IOException or SocketException) { return null; }
            if (read == 0) return null;
            received.Add(one[0]);
            if (received.Count >= 2 && received[^2] == 0x1C && received[^1] == 0x0D)
                return Encoding.UTF8.GetString([.. received.Skip(1).Take(received.Count - 3)]);
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Reading an acknowledgement: its segments and fields (standard delimiters).</summary>
public static class Ack
{
    public static string[] Segment(string ack, string id) =>
        ack.Split('\r', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.StartsWith(id + "|", StringComparison.Ordinal))?.Split('|') ?? [];

    public static string Code(string ack) => Segment(ack, "MSA").ElementAtOrDefault(1) ?? "";

    public static string PersonId(string ack) => Segment(ack, "ZMP").ElementAtOrDefault(1) ?? "";

    /// <summary>Everything but the MSH segment (its time and control id are the acknowledgement's own).</summary>
    public static string Body(string ack) => string.Join('\r', ack.Split('\r').Where(s => !s.StartsWith("MSH|", StringComparison.Ordinal)));
}
