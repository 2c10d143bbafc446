using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The service with review claims that expire after two seconds.</summary>
public sealed class ShortClaimService : RunningService
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:ReviewClaimTimeout", "00:00:02")];
}

/// <summary>
/// Claims expire (issue 16, item 5): a task claimed and left goes back to the queue after the configured time, by the
/// service's own sweep, audited; the contract shows when a claim was made.
/// </summary>
public sealed class ReviewClaimExpiryTests(ShortClaimService service) : IClassFixture<ShortClaimService>
{
    [Fact]
    public async Task ClaimedTask_LeftAlone_IsOpenAgainAfterTheTimeout_AndTheExpiryIsAudited()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        Demographics Twin(string given) => new()
        {
            GivenName = given, FamilyName = "Abernathy-Lowe", BirthDate = "1990-10-10", Sex = "M", AddressLine = "2 Wattle Grove", City = "Delmar", PostalCode = "2119",
            Phone = "0290001111",
        };
        await registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "CE-1" }, Demographics = Twin("Caspian") });
        var held = await registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "CE-2" }, Demographics = Twin("Lysander") });
        var review = new ReviewService.ReviewServiceClient(service.Channel);
        var task = await review.GetTaskAsync(new GetTaskRequest { TaskId = held.ReviewTaskId });

        var claimed = await review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });
        Assert.Equal(ReviewTaskState.Claimed, claimed.State);
        Assert.NotNull(claimed.ClaimedAt);

        var state = claimed.State;
        for (var waited = 0; waited < 60 && state == ReviewTaskState.Claimed; waited++)
        {
            await Task.Delay(500);
            state = (await review.GetTaskAsync(new GetTaskRequest { TaskId = task.TaskId })).State;
        }
        Assert.Equal(ReviewTaskState.Open, state);
        await using var scope = service.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<MpiDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.ClaimExpired && a.Subject == $"review_task/{task.TaskId}").ToListAsync();
        Assert.Contains("claim by test-engine", Assert.Single(audit).Reason, StringComparison.Ordinal);
    }
}
