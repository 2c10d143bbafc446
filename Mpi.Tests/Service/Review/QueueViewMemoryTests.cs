using Microsoft.Extensions.DependencyInjection;
using Mpi.ReviewUi.Accounts;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Review;

/// <summary>
/// The queue view a reviewer last chose is remembered; one longer than its column (a query string made by hand) is not
/// remembered and fails nothing — on PostgreSQL, which refuses an over-long value, it had made the queue page a 500.
/// Runs on both providers (the service-postgres lane).
/// </summary>
public sealed class QueueViewMemoryTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public async Task AQueueViewLongerThanItsColumn_IsNotRemembered_AndTheLastOneStays()
    {
        await using var scope = service.Services.CreateAsyncScope();
        var reviewers = scope.ServiceProvider.GetRequiredService<IReviewerDirectory>();
        var passwords = scope.ServiceProvider.GetRequiredService<ReviewerPasswords>();
        await reviewers.CreateAsync(new ReviewerAccount("queue-viewer", ReviewerRoles.Clerk, passwords.Hash("long-enough-test-password")), "test", CancellationToken.None);
        await reviewers.SaveQueueFilterAsync("queue-viewer", "band=high&size=25", CancellationToken.None);

        await reviewers.SaveQueueFilterAsync("queue-viewer", "registry=" + new string('R', 600), CancellationToken.None);

        Assert.Equal("band=high&size=25", await reviewers.QueueFilterAsync("queue-viewer", CancellationToken.None));
    }
}
