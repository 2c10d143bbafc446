using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// Serves one MLLP connection on a Kestrel listener: checks the source address, then reads blocks one after another
/// and answers each with its acknowledgement before reading the next (HL7's order is the sender's order). A block
/// larger than <see cref="MpiServiceOptions.MaxMessageKilobytes"/> is refused (AR) and the connection closed, as are
/// bytes outside a block and a connection that ends inside one; each with a log line, and the listener serves on.
/// Messages are read as UTF-8 (ASCII is a subset; a byte that is not UTF-8 becomes U+FFFD).
/// </summary>
public sealed class MllpConnections(AdtMessages adt, IOptionsMonitor<MpiServiceOptions> options, TimeProvider time, ILogger<MllpConnections> log)
{
    public async Task ServeAsync(ConnectionContext connection, int listener)
    {
        var settings = options.CurrentValue.MllpListeners[listener];
        var source = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (!Allowed(source, settings.AllowedSources))
        {
            MllpLog.Refused(log, listener, source.ToString());
            connection.Abort();
            return;
        }
        if (settings.ApiKey.Length == 0)
        {
            MllpLog.NoKey(log, listener);
            connection.Abort();
            return;
        }
        MllpLog.Opened(log, listener, source.ToString());
        var limit = options.CurrentValue.MaxMessageKilobytes * 1024L;
        var (input, output) = (connection.Transport.Input, connection.Transport.Output);
        var cancellation = connection.ConnectionClosed;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(cancellation);
                var buffer = result.Buffer;
                while (true)
                {
                    var (read, content, consumed) = MllpFraming.Next(buffer, limit);
                    if (read == MllpRead.NeedMore)
                    {
                        buffer = buffer.Slice(consumed);
                        break;
                    }
                    if (read == MllpRead.OutsideFrame)
                    {
                        MllpLog.Closed(log, listener, source.ToString(), "bytes outside an MLLP block (0x0B … 0x1C 0x0D)");
                        return;
                    }
                    if (read == MllpRead.TooLarge)
                    {
                        // Refused from what has come so far (its MSH, if readable), so the sender knows why; then closed,
                        // since the rest of the block would have to be read to find the next.
                        var head = Encoding.UTF8.GetString(content.Slice(0, Math.Min(content.Length, 4096)).ToArray());
                        var (message, _) = Er7Message.Parse(head.Contains('\r') ? head[..head.IndexOf('\r')] : head);
                        await WriteAsync(output, Hl7Acks.Of(message, Hl7Acks.Reject, [new Hl7Error("MSH", 207, $"message larger than {limit} bytes")], null,
                            time.GetUtcNow()), cancellation);
                        MllpLog.Closed(log, listener, source.ToString(), $"a block larger than {limit} bytes");
                        await DrainAsync(input, buffer, cancellation);
                        return;
                    }
                    var (text, unreadable) = Er7Text.Decode(content.IsSingleSegment ? content.FirstSpan : (ReadOnlySpan<byte>)content.ToArray());
                    var (ack, type, code) = unreadable is null ? await adt.AnswerAsync(text, settings.ApiKey, cancellation) : adt.Unreadable(text, unreadable);
                    await WriteAsync(output, ack, cancellation);
                    MllpLog.Answered(log, listener, type, code);
                    buffer = buffer.Slice(consumed);
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    if (buffer.Length > 0) MllpLog.Closed(log, listener, source.ToString(), $"the connection ended inside a block ({buffer.Length} bytes dropped)");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (ConnectionResetException)
        {
        }
    }

    /// <summary>
    /// Reads and drops what the sender is still sending, for a moment, before the connection is closed: closing with
    /// unread bytes resets it, and a reset can destroy the refusal just written before the sender has read it.
    /// </summary>
    private static async Task DrainAsync(System.IO.Pipelines.PipeReader input, ReadOnlySequence<byte> unread, CancellationToken cancellation)
    {
        input.AdvanceTo(unread.End);
        using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        enough.CancelAfter(DrainTime);
        long dropped = 0;
        try
        {
            while (dropped < DrainBytes)
            {
                var result = await input.ReadAsync(enough.Token);
                dropped += result.Buffer.Length;
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted) return;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(2);
    private const long DrainBytes = 16L * 1024 * 1024;

    private static async Task WriteAsync(System.IO.Pipelines.PipeWriter output, string ack, CancellationToken cancellation)
    {
        var bytes = Encoding.UTF8.GetBytes(ack);
        var frame = new byte[bytes.Length + 3];
        frame[0] = MllpFraming.Start;
        bytes.CopyTo(frame, 1);
        frame[^2] = MllpFraming.End;
        frame[^1] = MllpFraming.Return;
        await output.WriteAsync(frame, cancellation);
    }

    private static bool Allowed(IPAddress source, IReadOnlyList<string> allowed)
    {
        if (source.IsIPv4MappedToIPv6) source = source.MapToIPv4();
        if (allowed.Count == 0) return IPAddress.IsLoopback(source);
        foreach (var entry in allowed)
        {
            if (entry.Contains('/') ? IPNetwork.TryParse(entry, out var network) && network.Contains(source)
                : IPAddress.TryParse(entry, out var address) && address.Equals(source))
                return true;
        }
        return false;
    }
}
