using Grpc.Core;
using Grpc.Health.V1;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;

public sealed class AuthenticationTests(RunningService service) : IClassFixture<RunningService>
{
    private static RegisterRequest Request(string registry) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = "A-1" },
        Demographics = new Demographics { GivenName = "Ines", FamilyName = "Carvalho", BirthDate = "1990-06-01" },
    };

    [Fact]
    public async Task Register_WithoutKey_IsUnauthenticated()
    {
        using var channel = service.ChannelWith(null);
        var error = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(channel).RegisterAsync(Request("NORTH_HOSP")).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("mpi_000000000000.wrong-secret")]
    public async Task Register_WithWrongKey_IsUnauthenticated(string key)
    {
        using var channel = service.ChannelWith(key);
        var error = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(channel).RegisterAsync(Request("NORTH_HOSP")).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Register_ToARegistryTheKeyDoesNotOwn_IsPermissionDeniedAndNothingIsStored()
    {
        var key = await service.Credentials.IssueAsync("lab-engine", "SOUTH_LAB", "Register,Match");
        using var channel = service.ChannelWith(key);
        var client = new RegistrationService.RegistrationServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAsync(Request("NORTH_HOSP")).ResponseAsync);
        var own = await client.RegisterAsync(Request("SOUTH_LAB"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("REGISTRY_NOT_ALLOWED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        Assert.Equal(Decision.New, own.Decision);
        var read = await Assert.ThrowsAsync<RpcException>(() =>
            new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "A-1" } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task GetPerson_WithAKeyThatMayOnlyRegister_IsPermissionDenied()
    {
        var key = await service.Credentials.IssueAsync("write-only", "*", "Register");
        using var channel = service.ChannelWith(key);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new PersonService.PersonServiceClient(channel).GetPersonAsync(new GetPersonRequest { PersonId = "P1" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("RPC_NOT_ALLOWED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
    }

    [Fact]
    public async Task Health_WithoutKey_IsServed()
    {
        using var channel = service.ChannelWith(null);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
