using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>The reason of every answer is in the audit trail (issue 16, item 2): an answer without one is not sent, and the auditor sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnswerReasonTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Fact]
    public async Task AnswerWithoutAReason_IsNotSent_AndTheAnswersReasonReachesTheAuditTrail()
    {
        var taskId = service.Tasks[2].TaskId;
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{taskId}");

        await page.ClickAsync("button[value=different]");
        Assert.True(await page.Locator("#reason").EvaluateAsync<bool>("r => r.matches(':invalid')"));
        await Assertions.Expect(page.Locator("#resolution")).ToHaveCountAsync(0);

        await page.FillAsync("#reason", "mother and daughter at one address");
        await page.ClickAsync("button[value=different]");
        await Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("mother and daughter at one address");

        var auditor = await chromium.OpenAsync(service, ReviewUiService.Auditor, "/audit?action=resolve_review");
        await Assertions.Expect(auditor.Locator("body")).ToContainTextAsync("mother and daughter at one address");
    }
}
