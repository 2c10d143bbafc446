using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// A gRPC request body (content type application/grpc) that announces a message of <c>announcedLength</c> bytes,
/// sends a few of them and then never finishes until <c>release</c> completes: a server that reads the message
/// before answering waits for the rest for ever.
/// </summary>
public sealed class UnfinishedGrpcBody : HttpContent
{
    private const int BytesSent = 16;
    private readonly int _announcedLength;
    private readonly Task _release;

    public UnfinishedGrpcBody(int announcedLength, Task release)
    {
        _announcedLength = announcedLength;
        _release = release;
        Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellation)
    {
        // The gRPC length-prefixed frame: one byte "not compressed", then the message length, big-endian.
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), (uint)_announcedLength);
        await stream.WriteAsync(header, cancellation);
        await stream.WriteAsync(new byte[BytesSent], cancellation);
        await stream.FlushAsync(cancellation);
        await _release.WaitAsync(cancellation);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
