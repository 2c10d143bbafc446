using System.CommandLine;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Cli;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The credentials verb on the database of a running service: what it issues works at once, what it revokes stops working.</summary>
public sealed class CredentialsCommandTests(RunningService service) : IClassFixture<RunningService>
{
    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CredentialsCommand.Create().Parse([.. args, "--database", service.DatabasePath])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static RegisterRequest Request(string registry, string localId) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics { GivenName = "Ines", FamilyName = "Carvalho", BirthDate = "1990-06-01" },
    };

    [Fact]
    public async Task Credentials_IssuedListedRevokedFromTheCommandLine_TheRunningServiceFollows()
    {
        var (issued, output, _) = Run("issue", "--name", "pharmacy-engine", "--registries", "PHARMACY", "--rpcs", "Register,Match");
        var key = output.Trim().Split(' ')[^1];
        var id = key.Split('.')[0]["mpi_".Length..];
        using var channel = service.ChannelWith(key);
        var client = new RegistrationService.RegistrationServiceClient(channel);

        // The service re-reads credentials for an unknown key id at most four times a second.
        RegisterResponse? registered = null;
        for (var attempt = 0; attempt < 8 && registered is null; attempt++)
        {
            try { registered = await client.RegisterAsync(Request("PHARMACY", "RX-1")); }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated) { await Task.Delay(250); }
        }
        var listed = Run("list").Output;
        var (revoked, _, _) = Run("revoke", "--id", $"mpi_{id}");
        RpcException? refused = null;
        for (var attempt = 0; attempt < 40 && refused is null; attempt++)
        {
            await Task.Delay(250);
            try { await client.RegisterAsync(Request("PHARMACY", $"RX-{attempt + 2}")); }
            catch (RpcException e) { refused = e; }
        }

        Assert.Equal((0, 0), (issued, revoked));
        Assert.Equal(Decision.New, registered?.Decision);
        Assert.Contains($"{id}\tpharmacy-engine\tregistries=PHARMACY\trpcs=Register,Match", listed);
        Assert.DoesNotContain(key, listed);
        Assert.Equal(StatusCode.Unauthenticated, refused?.StatusCode);
    }

    [Fact]
    public void Issue_NameAKeyOfOtherRegistriesHolds_IsRefused_ARotatedKeyOfTheSameRegistriesIsNot()
    {
        var (first, _, _) = Run("issue", "--name", "ward-engine", "--registries", "WARD_A", "--rpcs", "Register");

        var (other, otherOutput, otherError) = Run("issue", "--name", "ward-engine", "--registries", "WARD_B", "--rpcs", "Register");
        var (rotated, _, _) = Run("issue", "--name", "ward-engine", "--registries", "WARD_A", "--rpcs", "Register,Match");

        Assert.Equal((0, 2, 0), (first, other, rotated));
        Assert.Equal("", otherOutput);
        Assert.StartsWith("--name: the name ward-engine is held by key ", otherError, StringComparison.Ordinal);
        Assert.Contains("for other registries (WARD_A)", otherError, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_UnknownId_FailsWithTheReason()
    {
        var (exit, _, error) = Run("revoke", "--id", "mpi_000000000000");

        Assert.NotEqual(0, exit);
        Assert.Contains("no credential 000000000000", error);
    }
}
