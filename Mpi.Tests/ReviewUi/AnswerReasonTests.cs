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

    [Fact]
    public async Task AnAnswerSentTwice_IsToldItWasTheirOwn_NotSomeoneElses()
    {
        var taskId = service.Tasks[1].TaskId;
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{taskId}");
        await page.FillAsync("#reason", "different middle names on the referral");
        // The form as it stands, to be sent a second time as a double click would send it.
        var form = await page.Locator("#actions").EvaluateAsync<string>("f => new URLSearchParams(new FormData(f)).toString() + '&answer=different'");
        await page.ClickAsync("button[value=different]");
        await Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("different middle names on the referral");

        var again = await page.EvaluateAsync<string>(@"async ([path, body]) => {
            const answer = await fetch(path, { method: 'POST', body: new URLSearchParams(body) });
            const alert = new DOMParser().parseFromString(await answer.text(), 'text/html').querySelector('#problem');
            return alert ? alert.textContent.trim() : '';
        }", new[] { $"/tasks/{taskId}", form });

        Assert.StartsWith("You answered this task already", again, StringComparison.Ordinal);
    }
}
