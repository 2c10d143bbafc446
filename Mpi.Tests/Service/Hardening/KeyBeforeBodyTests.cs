using System.Net;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// The key is checked from the headers before a byte of the body is read (issue: hardening, item 3): a keyless call
/// whose message never finishes arriving is still answered UNAUTHENTICATED at once. gRPC's interceptors run only
/// after the whole message is read, so a service that read first would never answer this call. Real server, a raw
/// HTTP/2 client (a gRPC client sends its message whole).
/// </summary>
public sealed class KeyBeforeBodyTests(RunningService service) : IClassFixture<RunningService>
{
    private const int Unauthenticated = 16;

    [Fact]
    public async Task Register_KeylessWithABodyThatNeverFinishes_IsAnsweredUnauthenticatedFromItsHeaders()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(service.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mpi.v1.RegistrationService/Register")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // 60,000 bytes: under the 64 KB message bound, so only the key can refuse it early.
            Content = new UnfinishedGrpcBody(announcedLength: 60_000, release.Task),
        };
        request.Headers.TE.ParseAdd("trailers");
        // Generous for a shared machine. An answer that waited for the body never comes: Kestrel resets the call after
        // its 5 s grace for a slow body, with no gRPC status.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);

            Assert.Equal(Unauthenticated, await GrpcStatusAsync(response, deadline.Token));
        }
        finally
        {
            release.TrySetResult();
        }
    }

    /// <summary>grpc-status from the headers (a trailers-only answer) or else from the trailers.</summary>
    private static async Task<int?> GrpcStatusAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        if (response.Headers.TryGetValues("grpc-status", out var inHeaders)) return int.Parse(inHeaders.Single());
        await response.Content.CopyToAsync(Stream.Null, cancellation);
        return response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? int.Parse(inTrailers.Single()) : null;
    }
}
