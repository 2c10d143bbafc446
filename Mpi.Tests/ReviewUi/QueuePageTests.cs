namespace Mpi.Tests.ReviewUi;

/// <summary>The queue: oldest first, filters, counts per state, claim and release by keyboard and by button.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QueuePageTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Theory]
    [InlineData("registry=SOUTH_LAB", 3)]
    [InlineData("registry=NORTH_HOSP", 0)]
    [InlineData("band=high", 3)]
    [InlineData("band=low", 0)]
    [InlineData("age=1h", 0)]
    public async Task Queue_Filtered_ShowsOnlyMatchingTasksOldestFirst(string filter, int expected)
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.SignInAsync(ReviewUiService.Clerk);

        await page.GotoAsync($"/queue?{filter}");

        var ids = await page.Locator("#queue tbody tr").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.task))");
        Assert.Equal(expected, ids.Length);
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task Queue_KeyO_OpensTheOldestTaskNobodyHolds_NotAnotherReviewersClaim()
    {
        var reviews = new Mpi.Contracts.V1.ReviewService.ReviewServiceClient(service.Channel);
        var oldest = await reviews.GetTaskAsync(new Mpi.Contracts.V1.GetTaskRequest { TaskId = service.Tasks[0].TaskId });
        var claimed = await reviews.ClaimTaskAsync(new Mpi.Contracts.V1.ClaimTaskRequest { TaskId = oldest.TaskId, ExpectedVersion = oldest.Version });
        try
        {
            var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/queue?size=100");

            await page.Keyboard.PressAsync("o");

            await page.WaitForURLAsync($"**/tasks/{service.Tasks[1].TaskId}");
        }
        finally
        {
            await reviews.ReleaseTaskAsync(new Mpi.Contracts.V1.ReleaseTaskRequest { TaskId = claimed.TaskId, ExpectedVersion = claimed.Version });
        }
    }

    [Fact]
    public async Task Queue_ClerkMovesDownAndClaimsByKeyboard_TaskIsClaimedThenReleased()
    {
        var second = service.Tasks[1].TaskId;
        var page = await chromium.OpenAsync(service, ReviewUiService.SecondClerk, "/queue?size=100");
        Assert.Equal("0", await page.TextContentAsync("#count-claimed"));

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("c");

        var row = page.Locator($"#queue tr[data-task='{second}']");
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("claimed by user:" + ReviewUiService.SecondClerk);
        Assert.Equal("1", await page.TextContentAsync("#count-claimed"));
        await row.Locator("button.release").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("open");
        Assert.Equal("0", await page.TextContentAsync("#count-claimed"));
    }

    [Fact]
    public async Task TaskPage_ClerkClaimsThenSkipsByKeyboard_TaskIsOpenAgainAndTheNextOneShows()
    {
        var first = service.Tasks[0].TaskId;
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{first}");
        await page.Keyboard.PressAsync("c");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToContainTextAsync("claimed");

        await page.Keyboard.PressAsync("x");

        await page.WaitForURLAsync(url => url.Contains("/tasks/", StringComparison.Ordinal) && !url.EndsWith($"/tasks/{first}", StringComparison.Ordinal));
        await page.GotoAsync("/queue?size=100");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#queue tr[data-task='{first}']")).ToContainTextAsync("open");
    }

    [Fact]
    public async Task Queue_OneTaskPerPage_NextWalksEveryWaitingTaskOldestFirstAndBackToTheOldest()
    {
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/queue?size=100");
        var all = await page.Locator("#queue tbody tr").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.task))");
        Assert.True(all.Length >= 2, $"the fixture waits with {all.Length} task(s)");

        await page.GotoAsync("/queue?size=1");
        var walked = new List<long>();
        for (var step = 0; step <= all.Length; step++)
        {
            walked.AddRange(await page.Locator("#queue tbody tr").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.task))"));
            if (await page.Locator("#page-next").CountAsync() == 0) break;
            await page.ClickAsync("#page-next");
        }
        await page.ClickAsync("#page-oldest");

        Assert.Equal(all, walked);
        Assert.Equal(all[..1], await page.Locator("#queue tbody tr").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.task))"));
        Assert.Contains("size=1", page.Url);
    }

    [Fact]
    public async Task Queue_ClaimOnTheSecondPage_ComesBackToTheSamePage()
    {
        var second = service.Tasks[1].TaskId;
        var page = await chromium.OpenAsync(service, ReviewUiService.SecondClerk, $"/queue?size=1&after={service.Tasks[0].TaskId}");

        await page.Locator($"#queue tr[data-task='{second}'] button.claim").ClickAsync();

        var row = page.Locator($"#queue tr[data-task='{second}']");
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("claimed by user:" + ReviewUiService.SecondClerk);
        Assert.Contains($"after={service.Tasks[0].TaskId}", page.Url);
        await row.Locator("button.release").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("open");
    }
}
