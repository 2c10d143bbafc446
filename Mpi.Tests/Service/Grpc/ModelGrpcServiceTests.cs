using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;

public sealed class ModelGrpcServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private ModelService.ModelServiceClient Models => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string given) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = "Pemberton-Oduya", BirthDate = "1983-05-27", Sex = "F", AddressLine = "2 Tuart Place",
            City = "Bunbury", PostalCode = "6230",
        },
    };

    [Fact]
    public async Task GetModel_Active_ShowsThresholdsComparisonsAndBlocking()
    {
        var model = await Models.GetModelAsync(new GetModelRequest());
        Assert.True(model.Active);
        Assert.Equal(0.7, model.Thresholds.AutoLink, 6);
        Assert.Contains(model.Comparisons, c => c.Name == "given_name" && c.Levels.Any(l => l.Label == "nickname" && l.HasM));
        Assert.Contains(model.Blocking.Rules, r => r.Name == "birth_date");
    }

    [Fact]
    public async Task UpdateThresholds_ThenRollBack_ChangesDecisionsAndRestoresThem()
    {
        var original = await Models.GetModelAsync(new GetModelRequest());
        await new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(Request("NORTH_HOSP", "M-1", "Philippa"));
        var probe = new MatchRequest { Demographics = Request("", "", "Pippa").Demographics };
        var before = await new RegistrationService.RegistrationServiceClient(service.Channel).MatchAsync(probe);

        var strict = await Models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = original.Version, AutoLink = 0.999999999, Review = 0.5, Reason = "steward: stricter while migrating",
        });
        var during = await new RegistrationService.RegistrationServiceClient(service.Channel).MatchAsync(probe);
        var restored = await Models.ActivateModelAsync(new ActivateModelRequest
        {
            Version = original.Version, ExpectedActiveVersion = strict.Version, Reason = "roll back",
        });
        var after = await new RegistrationService.RegistrationServiceClient(service.Channel).MatchAsync(probe);

        Assert.Equal(Decision.AutoLink, before.Decision);
        Assert.Equal(original.Version, strict.BasedOnVersion);
        Assert.Equal(strict.Version, during.ModelVersion);
        Assert.Equal(Decision.Review, during.Decision);
        Assert.Equal(original.Version, restored.Version);
        Assert.Equal((before.Decision, before.ModelVersion, before.Candidates[0].Probability),
            (after.Decision, after.ModelVersion, after.Candidates[0].Probability));
        var versions = await Models.ListModelVersionsAsync(new ListModelVersionsRequest());
        Assert.Equal(2, versions.Versions.Count);
    }

    [Fact]
    public async Task UpdateThresholds_StaleExpectedVersion_IsAborted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = "not-the-active-one", AutoLink = 0.8, Reason = "stricter",
        }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task UpdateThresholds_ReviewAboveAutoLink_IsInvalidArgument()
    {
        var active = await Models.GetModelAsync(new GetModelRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => Models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = active.Version, AutoLink = 0.6, Review = 0.9, Reason = "wider review band",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task UpdateThresholds_WithoutAReason_IsInvalidArgumentAndChangesNothing()
    {
        var active = await Models.GetModelAsync(new GetModelRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => Models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = active.Version, AutoLink = 0.9,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(("reason", "missing"), FieldViolation(error));
        Assert.Equal(active.Version, (await Models.GetModelAsync(new GetModelRequest())).Version);
    }

    private static (string Field, string Reason) FieldViolation(RpcException error)
    {
        var violation = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single();
        return (violation.Field, violation.Description);
    }
}
