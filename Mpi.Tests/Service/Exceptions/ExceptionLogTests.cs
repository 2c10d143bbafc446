using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Crash;

namespace Mpi.Tests.Service.Exceptions;

/// <summary>
/// Nothing of a refused registration reaches the log (issue 15, item 2): not its demographics, local id or message id,
/// not the reasons (which quote values), not a steward's note. The real service process and its console.
/// </summary>
public sealed class ExceptionLogTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-exception-log-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task RefusedRegistrations_KeptListedAndResolved_LeaveNoneOfTheirContentInTheLog()
    {
        using var service = await ServiceProcess.StartAsync(Path.Combine(_folder.FullName, "mpi.db"), TimeSpan.FromSeconds(60));
        using var channel = service.ChannelWith(service.DevelopmentKey!);
        var registration = new RegistrationService.RegistrationServiceClient(channel);
        var exceptions = new ExceptionService.ExceptionServiceClient(channel);
        var refused = new RegisterRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "LID-77321" }, MessageId = "MSH-55123",
            Demographics = new Demographics
            {
                GivenName = "Zephyrine", FamilyName = "Ostrowska", BirthDate = "1985-02-30", Sex = "Q", Email = "not-an-address",
                Phone = "12", NationalId = "4", AddressLine = "99 Quenby Crescent",
            },
        };

        await Assert.ThrowsAsync<RpcException>(() => registration.RegisterAsync(refused).ResponseAsync);
        using (var stream = registration.RegisterStream())
        {
            await stream.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 7, Register = refused });
            await stream.RequestStream.CompleteAsync();
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal((int)StatusCode.InvalidArgument, stream.ResponseStream.Current.Error.Code);
        }
        var kept = (await exceptions.ListExceptionsAsync(new ListExceptionsRequest { Registry = "NORTH_HOSP" })).Exceptions;
        Assert.Equal(2, kept.Count);
        await exceptions.ResolveExceptionAsync(new ResolveExceptionRequest { Id = kept[0].Id, Note = "Quenby duplicate, resent by phone" });
        await Task.Delay(500); // the console sink writes asynchronously

        var log = service.Output;
        foreach (var value in new[] { "LID-77321", "MSH-55123", "Zephyrine", "Ostrowska", "1985-02-30", "not-an-address", "Quenby", "impossible date" })
            Assert.DoesNotContain(value, log);
    }
}
