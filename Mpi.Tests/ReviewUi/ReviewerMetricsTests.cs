using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// Reviewer metrics (issue 16, item 7): two clerks answer, a steward reverses one answer; the stewards' page shows the
/// answers per reviewer, the reversed share, the queue's inflow and outflow per registry and the oldest task waiting,
/// and /metrics counts the answers per reviewer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewerMetricsTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private async Task AnswerAsync(string clerk, string taskId, string answer)
    {
        var page = await chromium.OpenAsync(service, clerk, $"/tasks/{taskId}");
        await page.FillAsync("#reason", "checked the form");
        await page.ClickAsync($"button[value={answer}]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("Resolved by");
    }

    [Fact]
    public async Task TwoClerksAnswer_AStewardReversesOne_ThePageAndMetricsShowIt()
    {
        var (firstTask, firstCandidate, _) = service.Tasks[0];
        await AnswerAsync(ReviewUiService.Clerk, firstTask, "same");
        await AnswerAsync(ReviewUiService.SecondClerk, service.Tasks[1].TaskId, "different");
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var person = await persons.GetPersonAsync(new GetPersonRequest { PersonId = firstCandidate, Reason = "test" });
        var answered = person.Records.Single(r => r.Key.Registry == "SOUTH_LAB");
        await persons.UnlinkAsync(new UnlinkRequest { Record = answered.Key, ExpectedPersonVersion = person.Version, Reason = "the clerk was wrong" });

        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/reviewers");

        var ana = page.Locator($"#reviewers tr[data-reviewer='user:{ReviewUiService.Clerk}']");
        await Microsoft.Playwright.Assertions.Expect(ana.Locator(".answers")).ToHaveTextAsync("1");
        await Microsoft.Playwright.Assertions.Expect(ana.Locator(".reversed")).ToHaveTextAsync("1 (100%)");
        var ben = page.Locator($"#reviewers tr[data-reviewer='user:{ReviewUiService.SecondClerk}']");
        await Microsoft.Playwright.Assertions.Expect(ben.Locator(".reversed")).ToHaveTextAsync("0 (0%)");
        var lab = page.Locator("#flow tr[data-registry='SOUTH_LAB']");
        await Microsoft.Playwright.Assertions.Expect(lab.Locator(".inflow")).ToHaveTextAsync("3");
        await Microsoft.Playwright.Assertions.Expect(lab.Locator(".outflow")).ToHaveTextAsync("2");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#oldest-waiting")).Not.ToHaveTextAsync("—");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "reviewers");

        var metrics = await service.ScrapeMetricsAsync(text => text.Contains("mpi_review_answers", StringComparison.Ordinal));
        Assert.Contains($"reviewer=\"user:{ReviewUiService.Clerk}\"", metrics, StringComparison.Ordinal);
    }
}
