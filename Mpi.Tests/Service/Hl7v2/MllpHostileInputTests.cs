using System.Text;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hl7v2;

/// <summary>
/// Hostile input on the MLLP port: each gets a NAK or a closed connection, and the listener goes on serving the next
/// connection's good message.
/// </summary>
public sealed class MllpHostileInputTests(MllpService service) : IClassFixture<MllpService>
{
    private const string Msh = "MSH|^~\\&|PAS|NORTH_HOSP|MPI|MPI|20261206101500||ADT^A04^ADT_A01|";

    [Theory]
    [InlineData("PID|1||N-1^^^NORTH_HOSP^MR", "100^")]
    [InlineData("MSH|^^\\&|PAS|NORTH_HOSP|MPI|MPI|20261206101500||ADT^A04|MSG-X|P|2.5", "100^")]
    [InlineData("MSH|^~\\&|PAS|NORTH_HOSP|MPI|MPI|20261206101500||ADT^A04||P|2.5", "101^")]
    [InlineData("\u0000\u0001\u0002\u00ff binary \u0007", "100^")]
    public async Task UnreadableMessages_AreRejected_AndTheConnectionServesOn(string message, string code)
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        var ack = await client.SendAsync(message);
        var good = await client.SendAsync(Msh + $"MSG-G-{code[..3]}-{message.Length}|P|2.5", "PID|1||H-1^^^NORTH_HOSP^MR||Hartigan^Ione||19700101|F");

        Assert.Equal("AR", Ack.Code(ack));
        Assert.StartsWith(code, Ack.Segment(ack, "ERR")[3], StringComparison.Ordinal);
        Assert.Equal("AA", Ack.Code(good));
    }

    [Fact]
    public async Task AMegabyteField_IsRejectedAndTheConnectionClosed_TheNextConnectionIsServed()
    {
        await using (var client = await MllpClient.ConnectAsync(service.MllpPorts[0]))
        {
            var huge = Msh + "MSG-BIG|P|2.5\rPID|1||H-2^^^NORTH_HOSP^MR||" + new string('X', 1024 * 1024) + "\r";
            // Sent while the service answers: it refuses once the block passes the limit, and reads on a moment so the refusal arrives.
            var sending = client.SendRawAsync([0x0B, .. Encoding.ASCII.GetBytes(huge), 0x1C, 0x0D]);
            var ack = await client.ReceiveAsync();
            Assert.NotNull(ack);
            Assert.Equal(("AR", "MSG-BIG"), (Ack.Code(ack), Ack.Segment(ack, "MSA")[2]));
            Assert.Contains("larger than", Ack.Segment(ack, "ERR")[8], StringComparison.Ordinal);
            await sending;
            Assert.Null(await client.ReceiveAsync());
        }
        await AssertStillServingAsync("MSG-AFTER-BIG");
    }

    [Fact]
    public async Task BytesOutsideABlock_CloseTheConnection_TheNextConnectionIsServed()
    {
        await using (var client = await MllpClient.ConnectAsync(service.MllpPorts[0]))
        {
            await client.SendRawAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: mpi\r\n\r\n"));
            Assert.Null(await client.ReceiveAsync());
        }
        await AssertStillServingAsync("MSG-AFTER-HTTP");
    }

    [Fact]
    public async Task AConnectionEndingInsideABlock_RegistersNothing_TheNextConnectionIsServed()
    {
        await using (var client = await MllpClient.ConnectAsync(service.MllpPorts[0]))
            await client.SendRawAsync([0x0B, .. Encoding.ASCII.GetBytes(Msh + "MSG-CUT|P|2.5\rPID|1||H-3^^^NORTH_HOSP^MR||Hartig")]);
        await AssertStillServingAsync("MSG-AFTER-CUT");
        var persons = new Mpi.Contracts.V1.PersonService.PersonServiceClient(service.Channel);
        var missing = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await persons.GetPersonAsync(new Mpi.Contracts.V1.GetPersonRequest
        {
            Record = new Mpi.Contracts.V1.RecordKey { Registry = "NORTH_HOSP", LocalId = "H-3" },
        }));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ASourceNotAllowed_IsClosedBeforeAnythingIsRead()
    {
        string? ack;
        try
        {
            await using var client = await MllpClient.ConnectAsync(service.MllpPorts[1]);
            await client.SendRawAsync([0x0B, .. Encoding.ASCII.GetBytes(Msh + "MSG-NOT-ALLOWED|P|2.5\rPID|1||H-4^^^NORTH_HOSP^MR||Hartigan^Ione\r"), 0x1C, 0x0D]);
            ack = await client.ReceiveAsync();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // Reset at any step (connect, send or read): the service aborted the connection as soon as it was accepted.
            ack = null;
        }

        Assert.Null(ack);
    }

    private async Task AssertStillServingAsync(string controlId)
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        var ack = await client.SendAsync(Msh + controlId + "|P|2.5", "PID|1||H-9^^^NORTH_HOSP^MR||Hartigan^Ione||19700101|F");
        Assert.Equal("AA", Ack.Code(ack));
    }
}
