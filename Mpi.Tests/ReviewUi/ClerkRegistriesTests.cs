namespace Mpi.Tests.ReviewUi;

/// <summary>
/// Work distribution (issue 16, item 5): a steward assigns a clerk to registries and the clerk's queue and task pages
/// hold only those registries' tasks (at once, no new sign-in); a user's queue filters come back when they return.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkRegistriesTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private async Task SetRegistriesAsync(string clerk, string registries)
    {
        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/users");
        var row = steward.Locator($"#users tr[data-user='{clerk}']");
        await row.Locator("input[name=registries]").FillAsync(registries);
        await row.Locator("button", new() { HasText = "Save" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(steward.Locator($"#users tr[data-user='{clerk}'] input[name=registries]")).ToHaveValueAsync(registries);
        await Accessibility.AssertNoSeriousViolationsAsync(steward);
    }

    [Fact]
    public async Task ClerkAssignedToOtherRegistries_SeesNoneOfTheseTasks_UntilAssignedTheirRegistry()
    {
        var (taskId, _, _) = service.Tasks[0];
        await SetRegistriesAsync(ReviewUiService.SecondClerk, "EAST_GP");
        var clerk = await chromium.OpenAsync(service, ReviewUiService.SecondClerk, "/queue?size=200");

        await Microsoft.Playwright.Assertions.Expect(clerk.Locator("#queue tbody tr")).ToHaveCountAsync(0);
        var refused = await clerk.GotoAsync($"/tasks/{taskId}");
        Assert.Equal(403, refused!.Status);

        await SetRegistriesAsync(ReviewUiService.SecondClerk, "SOUTH_LAB");
        await clerk.GotoAsync("/queue?size=200");
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator($"#queue tr[data-task='{taskId}']")).ToHaveCountAsync(1);
        Assert.Equal(200, (await clerk.GotoAsync($"/tasks/{taskId}"))!.Status);
    }

    [Fact]
    public async Task ClerkAssignedToOtherRegistries_CountsNoneOfTheseTasks_AndCannotClaimOneByPostingTheForm()
    {
        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, "/queue?size=200");
        var open = steward.Locator("#queue form:has(button.claim)").First;
        var taskId = await open.Locator("input[name=taskId]").InputValueAsync();
        var version = await open.Locator("input[name=version]").InputValueAsync();
        await SetRegistriesAsync(ReviewUiService.SecondClerk, "EAST_GP");
        var clerk = await chromium.OpenAsync(service, ReviewUiService.SecondClerk, "/queue?size=200");

        Assert.Equal("0", await clerk.Locator("#count-open").TextContentAsync());
        // The queue offers no claim for the task; the claim is posted as its form would post it, with the page's anti-forgery token.
        var status = await clerk.EvaluateAsync<int>(@"async ([taskId, version]) => {
            const token = document.querySelector('input[name=__RequestVerificationToken]').value;
            const body = new URLSearchParams({ taskId, version, __RequestVerificationToken: token });
            return (await fetch('/queue?handler=Claim', { method: 'POST', body, redirect: 'manual' })).status;
        }", new[] { taskId, version });

        Assert.Equal(403, status);
        await steward.ReloadAsync();
        await Microsoft.Playwright.Assertions.Expect(steward.Locator($"#queue tr[data-task='{taskId}'] button.claim")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ClerkAssignedToOtherRegistries_FindsNoPersonOfTheirs_AndCannotOpenItsPage()
    {
        var person = service.Tasks[0].CandidatePersonId; // its one record is NORTH_HOSP's
        await SetRegistriesAsync(ReviewUiService.SecondClerk, "EAST_GP");
        var clerk = await chromium.OpenAsync(service, ReviewUiService.SecondClerk, "/search");

        await clerk.FillAsync("#registry", "NORTH_HOSP");
        await clerk.FillAsync("#local-id", "N-Quarrington");
        await clerk.FillAsync("#reason", "lab result to file");
        await clerk.ClickAsync("#search-submit");
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator("#search-submit")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator($"#results tr[data-person='{person}']")).ToHaveCountAsync(0);
        await clerk.GotoAsync("/search");
        await clerk.FillAsync("#given-name", "Ottoline");
        await clerk.FillAsync("#family-name", "Quarrington");
        await clerk.FillAsync("#birth-date", "1941-01-04");
        await clerk.FillAsync("#reason", "patient at the front desk without a card");
        await clerk.ClickAsync("#search-submit");
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator($"#results tr[data-person='{person}']")).ToHaveCountAsync(0);
        Assert.Equal(404, (await clerk.Context.APIRequest.GetAsync($"/persons/{person}")).Status);

        await SetRegistriesAsync(ReviewUiService.SecondClerk, "NORTH_HOSP");
        Assert.Equal(200, (await clerk.Context.APIRequest.GetAsync($"/persons/{person}")).Status);
    }

    [Fact]
    public async Task Steward_IsOfferedForATask_OnlyClerksWhoseRegistriesHoldIt()
    {
        var (taskId, _, _) = service.Tasks[2]; // a SOUTH_LAB record's task
        await SetRegistriesAsync(ReviewUiService.SecondClerk, "EAST_GP");
        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/tasks/{taskId}");

        await Microsoft.Playwright.Assertions.Expect(steward.Locator($"#assignee option[value='{ReviewUiService.Clerk}']")).ToHaveCountAsync(1);
        await Microsoft.Playwright.Assertions.Expect(steward.Locator($"#assignee option[value='{ReviewUiService.SecondClerk}']")).ToHaveCountAsync(0);

        await SetRegistriesAsync(ReviewUiService.SecondClerk, "SOUTH_LAB");
        await steward.ReloadAsync();
        await Microsoft.Playwright.Assertions.Expect(steward.Locator($"#assignee option[value='{ReviewUiService.SecondClerk}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task QueueFilters_ComeBackWhenTheUserReturnsToTheQueue()
    {
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/queue?band=high&size=25");

        await page.GotoAsync("/queue");

        Assert.Contains("band=high", page.Url, StringComparison.Ordinal);
        Assert.Equal("high", await page.Locator("select[name=band]").InputValueAsync());
    }
}
