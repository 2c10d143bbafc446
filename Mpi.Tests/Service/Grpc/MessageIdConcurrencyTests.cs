using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;
/// <summary>
/// Issue 13, item 2, over the wire: callers racing with one message id all pass the look-up before the write lock,
/// so only the claim inside the registration's transaction can give the id exactly one winner.
/// </summary>
public sealed class MessageIdConcurrencyTests(RunningService service) : IClassFixture<RunningService>
{
    private const int Callers = 20;

    private RegistrationService.RegistrationServiceClient Client => new(service.Channel);

    private static readonly string[] Given = ["Anneliese", "Bartholomew", "Chidinma", "Desmond", "Evangeline", "Fitzgerald", "Gwendolyn", "Horatio", "Ifeoma", "Jasper"];

    private static RegisterRequest Request(string localId, int variant, string messageId) => new()
    {
        MessageId = messageId,
        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = Given[variant % Given.Length], FamilyName = $"Quillfeather{(char)('a' + variant % 26)}",
            BirthDate = new DateOnly(1950, 1, 1).AddDays(variant * 53).ToString("yyyy-MM-dd"), Sex = variant % 2 == 0 ? "F" : "M",
            AddressLine = $"{variant + 3} Lilly Pilly Lane", PostalCode = $"{4000 + variant}",
        },
    };

    /// <summary>Every caller starts at once, so that all of them pass the early look-up before any commits.</summary>
    private static async Task<Task<RegisterResponse>[]> AllAtOnceAsync(IEnumerable<Func<Task<RegisterResponse>>> calls)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(async call => { await start.Task; return await call(); }).ToArray();
        start.SetResult();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (RpcException)
        {
            // Each call's own outcome is asserted by the test.
        }
        return tasks;
    }

    /// <summary>How many records have a local id of <paramref name="localIdPattern"/>: exact, or a prefix when it ends with %.</summary>
    private async Task<long> StoredRecordsAsync(string localIdPattern)
    {
        await using var db = service.OpenDatabase();
        return localIdPattern.EndsWith('%')
            ? await db.SourceRecords.LongCountAsync(r => r.LocalId.StartsWith(localIdPattern.TrimEnd('%')))
            : await db.SourceRecords.LongCountAsync(r => r.LocalId == localIdPattern);
    }

    [Fact]
    public async Task Register_20ConcurrentCallersReuseOneMessageIdWithOtherContent_OneAcceptedPerRound()
    {
        for (var round = 0; round < 10; round++)
        {
            var messageId = $"MSH10-REUSE-{round}";
            var calls = await AllAtOnceAsync(Enumerable.Range(0, Callers).Select(caller =>
                (Func<Task<RegisterResponse>>)(() => Client.RegisterAsync(Request($"MR{round}-{caller}", round * Callers + caller, messageId)).ResponseAsync)));

            Assert.Equal(1, calls.Count(c => c.IsCompletedSuccessfully));
            var refused = calls.Where(c => !c.IsCompletedSuccessfully).Select(c => Assert.IsType<RpcException>(c.Exception!.InnerException)).ToArray();
            Assert.Equal(Callers - 1, refused.Length);
            Assert.All(refused, e =>
            {
                Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
                Assert.Equal("MESSAGE_ID_REUSED", e.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
            });
            Assert.Equal(1L, await StoredRecordsAsync($"MR{round}-%"));
        }
    }

    [Fact]
    public async Task Register_20ConcurrentIdenticalRetries_OneRegistrationAndNineteenReplaysPerRound()
    {
        for (var round = 0; round < 10; round++)
        {
            var request = Request($"MI{round}", 50 + round, $"MSH10-RETRY-{round}");

            var calls = await AllAtOnceAsync(Enumerable.Range(0, Callers).Select(_ =>
                (Func<Task<RegisterResponse>>)(() => Client.RegisterAsync(request).ResponseAsync)));

            Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully, c.Exception?.ToString()));
            var answers = calls.Select(c => c.Result).ToArray();
            var first = Assert.Single(answers, a => !a.Replayed);
            Assert.Equal(Callers - 1, answers.Count(a => a.Replayed));
            Assert.All(answers, a =>
                Assert.Equal((first.Decision, first.PersonId, first.SourceRecordVersion), (a.Decision, a.PersonId, a.SourceRecordVersion)));
            Assert.Equal(1L, await StoredRecordsAsync($"MI{round}"));
        }
    }

    [Fact]
    public async Task RegisterStream_SameMessageIdTwiceWithOtherContentInOneBatch_SecondIsReused()
    {
        // Pairs written back to back: the server batches what has arrived, so most pairs share one transaction,
        // where only the claim inside it can see the first item of the pair.
        const int Pairs = 10;
        using var call = Client.RegisterStream();
        for (var pair = 0; pair < Pairs; pair++)
        {
            var messageId = $"MSH10-STREAM-TWICE-{pair}";
            await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 2 * pair, Register = Request($"MSA-{pair}", 100 + pair, messageId) });
            await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 2 * pair + 1, Register = Request($"MSB-{pair}", 200 + pair, messageId) });
        }
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 2 * Pairs).Select(i => (long)i), responses.Select(r => r.RequestIndex));
        for (var pair = 0; pair < Pairs; pair++)
        {
            var (first, second) = (responses[2 * pair], responses[2 * pair + 1]);
            Assert.Equal(RegisterStreamResponse.OutcomeOneofCase.Result, first.OutcomeCase);
            Assert.False(first.Result.Replayed);
            Assert.Equal(RegisterStreamResponse.OutcomeOneofCase.Error, second.OutcomeCase);
            Assert.Equal(((int)StatusCode.AlreadyExists, "MESSAGE_ID_REUSED"), (second.Error.Code, second.Error.Reason));
        }
        Assert.Equal((long)Pairs, await StoredRecordsAsync("MSA-%"));
        Assert.Equal(0L, await StoredRecordsAsync("MSB-%"));
    }
}
