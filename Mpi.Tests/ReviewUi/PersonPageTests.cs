using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>The person page: golden view and records for a clerk; a steward undoes links and merges from it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonPageTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private PersonService.PersonServiceClient Persons => new(service.Channel);

    [Fact]
    public async Task Unlink_StewardGivesAReason_RecordLeavesThePersonAndHistoryShowsIt()
    {
        var (taskId, candidate, _) = service.Tasks[0];
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/tasks/{taskId}");
        await page.FillAsync("#reason", "checked with the patient");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("s");
        await page.WaitForURLAsync("**?done=true");
        await page.GotoAsync($"/persons/{candidate}");
        Assert.Equal(2, await page.Locator("#records tbody tr").CountAsync());

        var row = page.Locator("#records tbody tr[data-record^='SOUTH_LAB']");
        await row.Locator("input[name=reason]").FillAsync("linked in error");
        await row.Locator("button").ClickAsync();

        await page.WaitForURLAsync("**?done=unlinked");
        Assert.Equal(1, await page.Locator("#records tbody tr").CountAsync());
        Assert.Contains("linked in error", await page.Locator("table.history").TextContentAsync(), StringComparison.Ordinal);
        var person = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = candidate });
        Assert.Single(person.Records);
    }

    [Fact]
    public async Task Unmerge_StewardUndoesAMerge_RecordsGoBack()
    {
        var (_, survivor, merged) = service.Tasks[1];
        var survivorView = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = survivor });
        var mergedView = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = merged });
        await Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = survivor, MergedPersonId = merged, ExpectedSurvivorVersion = survivorView.Version,
            ExpectedMergedVersion = mergedView.Version, Reason = "same person, per the registration desk",
        });
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/persons/{survivor}");
        Assert.Equal(2, await page.Locator("#records tbody tr").CountAsync());

        await page.FillAsync("form[action*='Unmerge'] input[name=reason]", "different mothers' names");
        await page.ClickAsync("form[action*='Unmerge'] button");

        await page.WaitForURLAsync("**?done=unmerged");
        Assert.Equal(1, await page.Locator("#records tbody tr").CountAsync());
        var back = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = merged });
        Assert.Single(back.Records);
    }

    [Fact]
    public async Task PersonPage_Clerk_SeesGoldenViewButNoStewardActions()
    {
        var (_, candidate, _) = service.Tasks[2];
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.SignInAsync(ReviewUiService.Clerk);

        await page.GotoAsync($"/persons/{candidate}");

        Assert.Contains("CLEMENCY", await page.Locator("#golden").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#records button").CountAsync());
    }
}
