using Microsoft.Extensions.DependencyInjection;
using Mpi.Contracts.V1;
using Mpi.Service.Matching;
using Mpi.Service.Model;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// An answered task keeps showing the evidence the clerk decided on (issue 16's acceptance): the clerk answers, the
/// model changes (a new version is activated under which the same pair scores differently), and the task page still
/// shows the probability and comparisons as decided, with who answered and when.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnsweredTaskEvidenceTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Fact]
    public async Task AnsweredTask_AfterTheModelChanged_ShowsTheEvidenceAsDecided()
    {
        var (taskId, candidate, _) = service.Tasks[0];
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{taskId}");
        var decidedHeading = await page.Locator("#candidate-1 h2").First.TextContentAsync();
        var decidedWeights = await page.Locator("#candidate-1 .weight-number").AllTextContentsAsync();
        var incoming = (await new ReviewService.ReviewServiceClient(service.Channel).GetTaskAsync(new GetTaskRequest { TaskId = taskId })).Incoming;
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        var before = (await registration.MatchAsync(new MatchRequest { Demographics = incoming.Demographics })).Candidates.Single(c => c.PersonId == candidate);

        await page.FillAsync("#reason", "same Medicare card");
        await page.ClickAsync("button[value=same]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("Resolved by user:clerk-ana on");
        await ActivateAModelWithAnotherPriorAsync();

        var after = (await registration.MatchAsync(new MatchRequest { Demographics = incoming.Demographics })).Candidates.Single(c => c.PersonId == candidate);
        Assert.NotEqual(before.Probability.ToString("0.000"), after.Probability.ToString("0.000"));
        await page.ReloadAsync();
        Assert.Equal(decidedHeading, await page.Locator("#candidate-1 h2").First.TextContentAsync());
        Assert.Equal(decidedWeights, await page.Locator("#candidate-1 .weight-number").AllTextContentsAsync());
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("same Medicare card");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>A version whose prior is a thousandth of the active one's: every probability drops, the comparisons' weights stay.</summary>
    private async Task ActivateAModelWithAnotherPriorAsync()
    {
        await using var scope = service.Services.CreateAsyncScope();
        var active = scope.ServiceProvider.GetRequiredService<ActiveModelHolder>().Current.Model;
        var versions = scope.ServiceProvider.GetRequiredService<ModelVersions>();
        var changed = active with { Version = $"{active.Version}-rare-prior", MatchPrior = active.MatchPrior / 1000 };
        await versions.StoreCandidateAsync(changed, "test", "a much rarer prior", CancellationToken.None);
        var activated = await versions.ActivateAsync(changed.Version, active.Version, "test", "test", CancellationToken.None);
        Assert.False(activated.Refused, activated.Refusal?.Message);
    }
}
