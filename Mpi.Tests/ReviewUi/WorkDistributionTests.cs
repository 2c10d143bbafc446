namespace Mpi.Tests.ReviewUi;

/// <summary>
/// Work distribution on the review desk (issue 16, item 5): a steward assigns a task to a named clerk, the queue shows
/// whose it is, and a steward releases that clerk's claim from the queue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkDistributionTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Fact]
    public async Task Steward_AssignsATaskToAClerk_ThenReleasesTheClerksClaimFromTheQueue()
    {
        var taskId = service.Tasks[1].TaskId;
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/tasks/{taskId}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.SelectOptionAsync("#assignee", ReviewUiService.SecondClerk);
        await page.FillAsync("#assign-reason", "she knows the Albany lab");
        await page.ClickAsync("#assign-submit");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"claimed · user:{ReviewUiService.SecondClerk}");
        await page.GotoAsync("/queue?size=100");
        var row = page.Locator($"#queue tr[data-task='{taskId}']");
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync($"claimed by user:{ReviewUiService.SecondClerk}");

        await row.Locator("button.release").ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#queue tr[data-task='{taskId}']")).ToContainTextAsync("open");
    }
}
