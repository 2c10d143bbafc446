using Grpc.Core;
using Mpi.Service.Persistence;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Exceptions;

/// <summary>
/// The exception queue (issue 15, item 2): a registration refused as invalid writes no record, person or link, and is
/// kept with its receipts and reasons, listed per registry over gRPC, closed by the corrected message or by hand with
/// a note, and counted per registry in metrics. Each test uses registries of its own, so they share one service.
/// </summary>
public sealed class ExceptionQueueTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private ExceptionService.ExceptionServiceClient Exceptions => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string birthDate, string messageId = "") => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId }, MessageId = messageId,
        Demographics = new Demographics
        {
            GivenName = "Theodosia", FamilyName = "Quillfeather", BirthDate = birthDate, Sex = "F", AddressLine = "17 Marguerite Street",
            City = "Ballarat", PostalCode = "3350",
        },
    };

    private async Task<RpcException> RefusedAsync(RegisterRequest request)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Registration.RegisterAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        return refused;
    }

    private async Task<List<Contracts.V1.RegistrationException>> ListAsync(string registry, ExceptionState state = ExceptionState.Unspecified) =>
        [.. (await Exceptions.ListExceptionsAsync(new ListExceptionsRequest { Registry = registry, State = state })).Exceptions];

    [Fact]
    public async Task Register_InvalidBirthDate_IsKeptWithReceiptsAndReasons_AndNoRecordPersonOrLinkIsWritten()
    {
        var (records, persons, events) = Counts();
        await RefusedAsync(Request("EXQ_A", "A-1", "1985-02-30", messageId: "msh-0001"));

        Assert.Equal((records, persons, events), Counts());
        var kept = Assert.Single(await ListAsync("EXQ_A"));
        Assert.Equal(("EXQ_A", "EXQ_A", "A-1", "msh-0001", "test-engine"), (kept.Registry, kept.Key.Registry, kept.Key.LocalId, kept.MessageId, kept.Sender));
        var violation = Assert.Single(kept.Violations);
        Assert.Equal("demographics.birth_date", violation.Field);
        Assert.StartsWith("impossible date", violation.Description);
        var birthDate = Assert.Single(kept.Receipts, r => r.Field == "birth_date");
        Assert.Equal("1985-02-30", birthDate.Received);
        Assert.Equal("Theodosia", Assert.Single(kept.Receipts, r => r.Field == "given_name").Received);
        Assert.Equal((ExceptionState.Open, ExceptionResolution.Unspecified), (kept.State, kept.Resolution));
        Assert.True(DateTime.UtcNow - kept.ReceivedAt.ToDateTime() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Register_CorrectedMessageResent_ClosesTheKeysOpenExceptions()
    {
        await RefusedAsync(Request("EXQ_B", "B-1", "1985-02-30"));
        await RefusedAsync(Request("EXQ_B", "B-1", "2190-01-01"));
        await RefusedAsync(Request("EXQ_B", "B-2", "1985-02-30"));
        Assert.Equal(3, (await ListAsync("EXQ_B")).Count);

        var registered = await Registration.RegisterAsync(Request("EXQ_B", "B-1", "1985-02-03"));

        Assert.Equal(Decision.New, registered.Decision);
        Assert.Equal(["B-2"], (await ListAsync("EXQ_B")).Select(e => e.Key.LocalId));
        var closed = (await ListAsync("EXQ_B", ExceptionState.Resolved)).ToList();
        Assert.Equal(2, closed.Count);
        Assert.All(closed, e => Assert.Equal((ExceptionResolution.Resent, "test-engine"), (e.Resolution, e.ResolvedBy)));
    }

    [Fact]
    public async Task RegisterStream_AnInvalidItem_IsKeptAndTheOthersRegister()
    {
        using var call = Registration.RegisterStream();
        await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 0, Register = Request("EXQ_C", "C-1", "1990-05-06") });
        await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 1, Register = Request("EXQ_C", "C-2", "1990-13-06") });
        await call.RequestStream.CompleteAsync();
        var answers = new List<RegisterStreamResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync()) answers.Add(answer);

        Assert.NotNull(answers.Single(a => a.RequestIndex == 0).Result);
        Assert.Equal((int)StatusCode.InvalidArgument, answers.Single(a => a.RequestIndex == 1).Error.Code);
        Assert.Equal("C-2", Assert.Single(await ListAsync("EXQ_C")).Key.LocalId);
    }

    [Fact]
    public async Task ResolveException_WithANote_ClosesItOnceAndAuditsIt()
    {
        await RefusedAsync(Request("EXQ_D", "D-1", "1985-02-30"));
        var open = Assert.Single(await ListAsync("EXQ_D"));

        var missingNote = await Assert.ThrowsAsync<RpcException>(() => Exceptions.ResolveExceptionAsync(new ResolveExceptionRequest { Id = open.Id, Note = " " }).ResponseAsync);
        var notAnId = await Assert.ThrowsAsync<RpcException>(() => Exceptions.ResolveExceptionAsync(new ResolveExceptionRequest { Id = "x1", Note = "n" }).ResponseAsync);
        var resolved = await Exceptions.ResolveExceptionAsync(new ResolveExceptionRequest { Id = open.Id, Note = "patient deceased; record closed at source" });
        var again = await Assert.ThrowsAsync<RpcException>(() => Exceptions.ResolveExceptionAsync(new ResolveExceptionRequest { Id = open.Id, Note = "again" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "note"), (missingNote.StatusCode, missingNote.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations[0].Field));
        Assert.Equal((StatusCode.InvalidArgument, "id"), (notAnId.StatusCode, notAnId.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations[0].Field));
        Assert.Equal((ExceptionState.Resolved, ExceptionResolution.ByHand, "test-engine", "patient deceased; record closed at source"),
            (resolved.Exception.State, resolved.Exception.Resolution, resolved.Exception.ResolvedBy, resolved.Exception.Note));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Empty(await ListAsync("EXQ_D"));
        Assert.Equal(("resolve_exception", "patient deceased; record closed at source"), LastAudit($"exception/{open.Id}"));
    }

    [Fact]
    public async Task ListExceptions_PagesOldestFirst_AndRefusesABadPageToken()
    {
        for (var i = 0; i < 5; i++) await RefusedAsync(Request("EXQ_E", $"E-{i}", "1985-02-30"));

        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await Exceptions.ListExceptionsAsync(new ListExceptionsRequest { Registry = "EXQ_E", PageSize = 2, PageToken = token });
            Assert.True(page.Exceptions.Count <= 2);
            ids.AddRange(page.Exceptions.Select(e => e.Key.LocalId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var badToken = await Assert.ThrowsAsync<RpcException>(() => Exceptions.ListExceptionsAsync(new ListExceptionsRequest { PageToken = "page-2" }).ResponseAsync);

        Assert.Equal(["E-0", "E-1", "E-2", "E-3", "E-4"], ids);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
    }

    [Fact]
    public async Task Metrics_CountTheOpenExceptionsAndTheOldestsAge_PerRegistry()
    {
        await RefusedAsync(Request("EXQ_F", "F-1", "1985-02-30"));
        await RefusedAsync(Request("EXQ_F", "F-2", "1985-02-30"));

        const string open = "mpi_exceptions_open\\{[^}]*registry=\"EXQ_F\"[^}]*\\} 2\n";
        var text = await service.ScrapeMetricsAsync(t => System.Text.RegularExpressions.Regex.IsMatch(t, open));

        Assert.Matches(open, text);
        Assert.Matches("mpi_exceptions_oldest_open_age_seconds\\{[^}]*registry=\"EXQ_F\"[^}]*\\} [0-9.]+", text);
    }

    [Fact]
    public async Task Register_InvalidKeyOfARegistryTheSenderDoesNotHold_IsKeptUnderNoRegistry_SeenByItsSenderOnly()
    {
        var engine = service.ChannelWith(await service.Credentials.IssueAsync("exq-g-engine", "EXQ_G", "*"));
        var other = service.ChannelWith(await service.Credentials.IssueAsync("exq-h-engine", "EXQ_H", "*"));
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new RegistrationService.RegistrationServiceClient(engine).RegisterAsync(Request("EXQ_ELSEWHERE", "Z-1", "1985-02-30")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);

        var seenBySender = (await new ExceptionService.ExceptionServiceClient(engine).ListExceptionsAsync(new ListExceptionsRequest())).Exceptions;
        var seenByOther = (await new ExceptionService.ExceptionServiceClient(other).ListExceptionsAsync(new ListExceptionsRequest())).Exceptions;

        var kept = Assert.Single(seenBySender);
        Assert.Equal(("", "EXQ_ELSEWHERE"), (kept.Registry, kept.Key.Registry));
        Assert.Empty(seenByOther);
        Assert.Contains(await ListAsync(""), e => e.Id == kept.Id); // a steward-wide key sees everything
    }

    private (long Records, long Persons, long Events) Counts()
    {
        using var db = service.OpenDatabase();
        return (db.SourceRecords.LongCount(), db.Persons.LongCount(), db.LinkEvents.LongCount());
    }

    private (string Action, string? Reason) LastAudit(string subject)
    {
        using var db = service.OpenDatabase();
        var last = db.AuditEntries.Where(a => a.Subject == subject).OrderByDescending(a => a.Id).FirstOrDefault();
        Assert.True(last is not null, $"no audit row for {subject}");
        return (StoredWords.Of(last.Action), last.Reason);
    }
}
