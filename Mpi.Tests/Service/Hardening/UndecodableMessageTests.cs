using Google.Protobuf;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Crash;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// A message that protobuf cannot decode (invalid UTF-8 in a string field) is bad input, not a fault of the service
/// (issue: hardening, item 6): a Register gets INVALID_ARGUMENT, a RegisterStream item gets its own ItemError and the
/// stream goes on, and the service logs no error or stack trace for it. The real service process and its console.
/// </summary>
public sealed class UndecodableMessageTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-undecodable-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);
    private static readonly Method<byte[], byte[]> RawRegister = new(MethodType.Unary, "mpi.v1.RegistrationService", "Register", Raw, Raw);
    private static readonly Method<byte[], byte[]> RawRegisterStream = new(MethodType.DuplexStreaming, "mpi.v1.RegistrationService", "RegisterStream", Raw, Raw);

    private static RegisterRequest Request(string localId, string given) => new()
    {
        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
        Demographics = new Demographics { GivenName = given, FamilyName = "Okonkwo", BirthDate = "1977-09-30" },
    };

    /// <summary>The encoding of a request whose given name "BADxNAME" has its 'x' replaced by 0xFF (never valid UTF-8).</summary>
    private static byte[] WithInvalidUtf8(IMessage message)
    {
        var bytes = message.ToByteArray();
        var at = IndexOf(bytes, "BADxNAME"u8.ToArray()) + 3;
        bytes[at] = 0xFF;
        return bytes;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("marker not found");
    }

    [Fact]
    public async Task Register_InvalidUtf8_IsInvalidArgumentAndLogsNoError()
    {
        using var service = await ServiceProcess.StartAsync(Path.Combine(_folder.FullName, "mpi.db"), TimeSpan.FromSeconds(60));
        using var channel = service.ChannelWith(service.DevelopmentKey!);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(RawRegister, null, new CallOptions(), WithInvalidUtf8(Request("UD-1", "BADxNAME"))).ResponseAsync);
        var stream = channel.CreateCallInvoker().AsyncDuplexStreamingCall(RawRegisterStream, null, new CallOptions());
        await stream.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 1, Register = Request("UD-2", "Chidi") }.ToByteArray());
        await stream.RequestStream.WriteAsync(WithInvalidUtf8(new RegisterStreamRequest { RequestIndex = 2, Register = Request("UD-3", "BADxNAME") }));
        await stream.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 3, Register = Request("UD-4", "Chidera") }.ToByteArray());
        await stream.RequestStream.CompleteAsync();
        var answers = new List<RegisterStreamResponse>();
        await foreach (var answer in stream.ResponseStream.ReadAllAsync()) answers.Add(RegisterStreamResponse.Parser.ParseFrom(answer));
        await Task.Delay(500); // the console sink writes asynchronously

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("message", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Equal([1, -1, 3], answers.Select(a => a.RequestIndex));
        Assert.NotNull(answers[0].Result);
        Assert.Equal(3, answers[1].Error.Code); // INVALID_ARGUMENT for that item alone; the stream went on
        Assert.Equal("message", Assert.Single(answers[1].Error.FieldViolations).Field);
        Assert.NotNull(answers[2].Result);
        Assert.Equal(StatusCode.OK, stream.GetStatus().StatusCode);
        Assert.DoesNotContain(" ERR]", service.Output);
        Assert.DoesNotContain("   at ", service.Output); // no stack trace
        // Both refusals are kept in the exception queue, the only trace of them (nothing of them could be read).
        var kept = await new ExceptionService.ExceptionServiceClient(channel).ListExceptionsAsync(new ListExceptionsRequest());
        Assert.Equal(2, kept.Exceptions.Count(e => e.Violations.Any(v => v.Field == "message")));
    }
}
