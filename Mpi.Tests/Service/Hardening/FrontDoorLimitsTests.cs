using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Mpi.Contracts.V1;
using Microsoft.Extensions.Options;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Registration;
using Mpi.Tests.Service.Grpc;
using Mpi.Service.Configuration;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// Resources are bounded before a caller has earned them (issue: hardening, item 3): keyless calls are refused from
/// their headers, streams are limited per key, and Register is shed with RESOURCE_EXHAUSTED when the writer's queue
/// is full while Match still answers. Real server, real gRPC.
/// </summary>
public sealed class FrontDoorLimitsTests(RunningService service) : IClassFixture<RunningService>
{
    private MpiServiceOptions Limits => service.Services.GetRequiredService<IOptions<MpiServiceOptions>>().Value;

    private static RegisterRequest Request(string localId, string? given = null) => new()
    {
        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
        Demographics = new Demographics { GivenName = given ?? "Radegund", FamilyName = "Wolstenholme", BirthDate = "1966-02-11" },
    };

    [Fact]
    public async Task Register_KeylessWithAFourMegabyteName_IsRefusedUnread()
    {
        using var keyless = service.ChannelWith(null);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new RegistrationService.RegistrationServiceClient(keyless).RegisterAsync(Request("FD-big", new string('A', 3_900_000))).ResponseAsync);

        // Refused from its headers, before the length prefix is read: a keyless caller learns nothing about size bounds.
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Register_WithAKeyAndAMessageOverTheBound_IsRefusedBeforeItIsRead()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(Request("FD-big", new string('A', 3_900_000))).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task RegisterStream_MoreThanTheKeysBound_IsResourceExhaustedUntilOneCloses()
    {
        var key = await service.Credentials.IssueAsync("stream-hog", "NORTH_HOSP", "RegisterStream");
        using var channel = service.ChannelWith(key);
        var client = new RegistrationService.RegistrationServiceClient(channel);
        var open = new List<AsyncDuplexStreamingCall<RegisterStreamRequest, RegisterStreamResponse>>();
        for (var i = 0; i < Limits.MaxStreamsPerKey; i++)
        {
            var call = client.RegisterStream();
            Assert.Equal("served", await SendOneAsync(call, i)); // open and served
            open.Add(call);
        }

        using var oneTooMany = client.RegisterStream();
        var refused = await SendOneAsync(oneTooMany, Limits.MaxStreamsPerKey);
        await open[0].RequestStream.CompleteAsync();
        Assert.False(await open[0].ResponseStream.MoveNext(CancellationToken.None));
        // The slot is freed as the server finishes the closed stream, a moment after the client saw its end.
        var afterClose = "";
        for (var attempt = 0; attempt < 20 && afterClose != "served"; attempt++)
        {
            using var next = client.RegisterStream();
            afterClose = await SendOneAsync(next, Limits.MaxStreamsPerKey + 1 + attempt);
            if (afterClose != "served") await Task.Delay(50);
        }

        Assert.Equal("ResourceExhausted", refused);
        Assert.Equal("served", afterClose);
        foreach (var call in open) call.Dispose();
    }

    private static Task<string> SendOneAsync(AsyncDuplexStreamingCall<RegisterStreamRequest, RegisterStreamResponse> call, int index) =>
        RegisterStreamProbe.SendOneAsync(call, index, Request($"FD-s{index}", $"Radegund{(char)('a' + index % 26)}"));

    /// <summary>
    /// With the writer busy and its queue full, a Register is shed at once; a Match is not queued behind the
    /// registrations: its audit row (a Match is a read of the persons it returns) is written in the first turn after
    /// the busy writer's (SQLite) or at once (PostgreSQL), ahead of every queued registration.
    /// </summary>
    [Fact]
    public async Task Register_WriterQueueFull_IsShedAtOnce_AndMatchGoesAheadOfTheQueue()
    {
        var gate = service.Services.GetRequiredService<WriteGate>();
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);
        Task<RegisterResponse>[] queued;
        RpcException shed;
        Task<MatchResponse> matching;
        using (await gate.EnterAsync(CancellationToken.None)) // the writer is busy: every Register waits for it
        {
            queued = [.. Enumerable.Range(0, Limits.MaxWriteQueue).Select(i => client.RegisterAsync(Request($"FD-q{i}", $"Queued{i:D2}x")).ResponseAsync)];
            var batcher = service.Services.GetRequiredService<RegistrationBatcher>();
            for (var waited = 0; batcher.Queued < Limits.MaxWriteQueue && waited < 1000; waited++) await Task.Delay(10);
            // A deadline, so that an unshed Register (queued behind the held writer) fails the test instead of hanging it.
            shed = await Assert.ThrowsAsync<RpcException>(() =>
                client.RegisterAsync(Request("FD-shed"), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
            matching = client.MatchAsync(new MatchRequest { Demographics = Request("q").Demographics, Reason = "front door" }).ResponseAsync;
            // SQLite: the audit waits in its lane for the busy writer. PostgreSQL: it is written beside the writer, so
            // the Match may even be answered before the writer is free.
            for (var waited = 0; gate.WaitingAhead == 0 && !matching.IsCompleted && waited < 1000; waited++) await Task.Delay(10);
        }
        var matched = await matching.WaitAsync(TimeSpan.FromSeconds(30));
        var answers = await Task.WhenAll(queued);

        Assert.Equal(StatusCode.ResourceExhausted, shed.StatusCode);
        var retry = shed.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>();
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.NotNull(matched);
        Assert.All(answers, answer => Assert.False(string.IsNullOrEmpty(answer.PersonId))); // the queued ones were served
        var (matchAudit, firstQueued) = AuditOrder();
        Assert.True(matchAudit < firstQueued, $"the Match's audit row {matchAudit} came after a queued registration's {firstQueued}");
    }

    /// <summary>The id of the Match's audit row, and the smallest id among the queued registrations' audit rows.</summary>
    private (long Match, long FirstQueued) AuditOrder()
    {
        using var db = service.OpenDatabase();
        return (db.AuditEntries.Where(a => a.Reason == "front door").Min(a => a.Id),
            db.AuditEntries.Where(a => a.Action == AuditAction.Register && a.Subject.StartsWith("NORTH_HOSP/FD-q")).Min(a => a.Id));
    }
}
