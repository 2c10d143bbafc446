using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// A registration that cannot be stored is answered, logged and counted the same way whether it came as a Register
/// call or as a RegisterStream item: INTERNAL with nothing of the record in it, one <c>internal error</c> rejection
/// each, and nothing stored. The failure is real: the audit table every registration writes in its transaction is
/// dropped under the running service (this class has a service of its own).
/// </summary>
public sealed class RegistrationFailureTests(RunningService service) : IClassFixture<RunningService>
{
    private static RegisterRequest Request(string localId) => new()
    {
        Key = new RecordKey { Registry = "EAST_CLINIC", LocalId = localId },
        Demographics = new Demographics { GivenName = "Philippa", FamilyName = "Aldersey", BirthDate = "1971-08-30" },
    };

    [Fact]
    public async Task Register_AndAStreamItem_ThatCannotBeStored_AreAnsweredAndCountedAlike()
    {
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);
        await client.RegisterAsync(Request("F-ok")); // the service works before the fault
        await using (var db = service.OpenDatabase())
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "AuditEntries" """);

        var unary = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAsync(Request("F-unary")).ResponseAsync);
        using var stream = client.RegisterStream();
        await stream.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 7, Register = Request("F-stream") });
        await stream.RequestStream.CompleteAsync();
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var item = stream.ResponseStream.Current;

        Assert.Equal(StatusCode.Internal, unary.StatusCode);
        Assert.Equal("the record could not be stored", unary.Status.Detail);
        Assert.Equal((7, (int)StatusCode.Internal, "the record could not be stored"), (item.RequestIndex, item.Error.Code, item.Error.Message));
        static bool TwoInternalErrors(string line) => line.StartsWith("mpi_rejections_total{") && line.Contains("registry=\"EAST_CLINIC\"")
            && line.Contains("reason=\"internal error\"") && line.EndsWith(" 2");
        var metrics = await service.ScrapeMetricsAsync(t => t.Split('\n').Any(TwoInternalErrors));
        Assert.Contains(metrics.Split('\n'), TwoInternalErrors);
        await using var check = service.OpenDatabase();
        Assert.Equal(0, await check.SourceRecords.CountAsync(r => r.LocalId == "F-unary" || r.LocalId == "F-stream"));
    }
}
