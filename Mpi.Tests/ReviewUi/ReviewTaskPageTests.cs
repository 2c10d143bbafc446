using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mpi.ReviewUi.Desks;

namespace Mpi.Tests.ReviewUi;

/// <summary>A clerk works the queue in the browser, by keyboard, against the real service.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTaskPageTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Fact]
    public async Task OldestTask_ClerkAnswersSamePersonByKeyboard_PersonHasBothRecords()
    {
        var (taskId, candidate, _) = service.Tasks[0];
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/queue?size=100");
        await Screenshots.SaveAsync(page, "queue");

        await page.Keyboard.PressAsync("o");
        await page.WaitForURLAsync($"**/tasks/{taskId}");
        Assert.True(await page.IsVisibleAsync("table.compare tr.level-strong"));
        Assert.True(await page.EvaluateAsync<bool>("Chart.getChart(document.querySelector('canvas.waterfall')) !== undefined"), "Chart.js did not draw the waterfall");
        await Screenshots.SaveAsync(page, "task");
        await page.FillAsync("#reason", "checked with the patient");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("s");

        await page.WaitForURLAsync($"**/tasks/{taskId}?done=true");
        Assert.Contains("same person", await page.TextContentAsync("#resolution"), StringComparison.Ordinal);
        await page.ClickAsync("#resolved-person");
        await page.WaitForURLAsync($"**/persons/{candidate}");
        var records = await page.Locator("#records tbody tr").AllTextContentsAsync();
        Assert.Equal(2, records.Count);
        Assert.Contains(records, r => r.Contains("NORTH_HOSP", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("SOUTH_LAB", StringComparison.Ordinal));
        await using var scope = service.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
            .ListAsync(new AuditQuery("user:" + ReviewUiService.Clerk, null, null, null, null), CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "read_person" && a.Subject == candidate);
        Assert.Contains(audit, a => a.Action == "resolve_review" && a.Subject == $"review_task/{taskId}" && a.Outcome == "same_person");
    }

    [Fact]
    public async Task SameTask_SecondClerkAnswersAfterTheFirst_GetsTheConflictMessageAndChangesNothing()
    {
        var (taskId, candidate, _) = service.Tasks[^1];
        var first = await chromium.NewPageAsync(service.UiAddress);
        var second = await chromium.NewPageAsync(service.UiAddress);
        await first.SignInAsync(ReviewUiService.Clerk);
        await second.SignInAsync(ReviewUiService.SecondClerk);
        await first.GotoAsync($"/tasks/{taskId}");
        await second.GotoAsync($"/tasks/{taskId}");

        await first.FillAsync("#reason", "checked with the patient");
        await first.Keyboard.PressAsync("Escape");
        await first.Keyboard.PressAsync("d");
        await first.WaitForURLAsync($"**/tasks/{taskId}?done=true");
        await second.FillAsync("#reason", "checked with the patient");
        await second.Keyboard.PressAsync("Escape");
        await second.Keyboard.PressAsync("s");

        var conflict = second.Locator("#problem");
        await Assertions.Expect(conflict).ToContainTextAsync("Someone else resolved this task");
        Assert.Contains("different person", await second.TextContentAsync("#resolution"), StringComparison.Ordinal);
        await using var scope = service.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<IPersonDesk>().ReadAsync(candidate, "test", "assert", null, CancellationToken.None);
        Assert.Single(person!.Records);
    }

    [Fact]
    public async Task TaskPage_PhoneWidth_ActionsFitTheScreen()
    {
        var (taskId, _, _) = service.Tasks[1];
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/queue?size=100", 390, 844);
        await Screenshots.SaveAsync(page, "queue-phone");

        await page.GotoAsync($"/tasks/{taskId}");

        await Screenshots.SaveAsync(page, "task-phone");
        foreach (var button in await page.Locator("#actions button").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"a button lies outside the 390 px screen: {box.X} + {box.Width}");
        }
        Assert.Equal("", await PhoneWidthTests.OutsideTheScreenAsync(page));
    }
}
