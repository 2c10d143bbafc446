using Grpc.Core;
using Microsoft.Data.Sqlite;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Crash;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// A registry code or local id carrying CR, LF, ESC or NUL cannot forge a log line (issue: hardening, item 4): it is
/// refused as INVALID_ARGUMENT naming the rule, nothing is stored, and nothing the caller sent reaches the service's
/// output as a line of its own. The real service process, its real console output, its SQLite file.
/// </summary>
public sealed class LogForgingTests : IDisposable
{
    private const string Forged = "[15:00:01 WRN] forged";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-logforging-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static RegisterRequest Request(string registry, string localId = "LF-1") => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics { GivenName = "Ines", FamilyName = "Carvalho", BirthDate = "1990-06-01" },
    };

    [Theory]
    [InlineData("Q\n" + Forged)]
    [InlineData("Q\r\n" + Forged)]
    [InlineData("Q\u001b[2J\n" + Forged)]
    [InlineData("Q\0\n" + Forged)]
    public async Task Register_RegistryWithControlCharacters_IsRefusedAndForgesNoLogLine(string registry)
    {
        using var service = await ServiceProcess.StartAsync(Path.Combine(_folder.FullName, "mpi.db"), TimeSpan.FromSeconds(60));
        using var channel = service.ChannelWith(service.DevelopmentKey!);
        using var keyless = service.ChannelWith("mpi_000000000000.not-a-key");

        var error = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(channel).RegisterAsync(Request(registry)).ResponseAsync);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(keyless).RegisterAsync(Request(registry)).ResponseAsync);
        var stream = new RegistrationService.RegistrationServiceClient(channel).RegisterStream();
        await stream.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 1, Register = Request(registry) });
        await stream.RequestStream.CompleteAsync();
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        await Task.Delay(500); // the console sink writes asynchronously

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "key.registry");
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal((int)StatusCode.InvalidArgument, stream.ResponseStream.Current.Error.Code);
        var lines = service.Output.Split('\n');
        Assert.DoesNotContain(lines, l => l.TrimStart('\r').StartsWith(Forged, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', service.Output);
        Assert.DoesNotContain('\0', service.Output);
    }

    [Theory]
    [InlineData("L\n" + Forged)]
    [InlineData("L\r\n" + Forged)]
    [InlineData("L\u001b[2J\n" + Forged)]
    [InlineData("L\0\n" + Forged)]
    public async Task Register_LocalIdWithControlCharacters_IsRefusedStoresNothingAndForgesNoLogLine(string localId)
    {
        var databasePath = Path.Combine(_folder.FullName, "mpi.db");
        using var service = await ServiceProcess.StartAsync(databasePath, TimeSpan.FromSeconds(60));
        using var channel = service.ChannelWith(service.DevelopmentKey!);

        var error = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(channel).RegisterAsync(Request("NORTH_HOSP", localId)).ResponseAsync);
        using var stream = new RegistrationService.RegistrationServiceClient(channel).RegisterStream();
        await stream.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 1, Register = Request("NORTH_HOSP", localId) });
        await stream.RequestStream.CompleteAsync();
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        await Task.Delay(500); // the console sink writes asynchronously

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "key.local_id");
        Assert.StartsWith("invalid characters", violation.Description, StringComparison.Ordinal);
        Assert.Contains("control character", violation.Description, StringComparison.Ordinal);
        Assert.Equal((int)StatusCode.InvalidArgument, stream.ResponseStream.Current.Error.Code);
        Assert.Equal(0, StoredRecords(databasePath));
        var lines = service.Output.Split('\n');
        Assert.DoesNotContain(lines, l => l.TrimStart('\r').StartsWith(Forged, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', service.Output);
        Assert.DoesNotContain('\0', service.Output);
    }

    private static long StoredRecords(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "SourceRecords" """;
        return (long)command.ExecuteScalar()!;
    }
}
