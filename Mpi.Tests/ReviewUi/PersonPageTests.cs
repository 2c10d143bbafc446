using Mpi.Contracts.V1;
using Microsoft.Playwright;

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
        // The merge is undone: it is not offered again.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("form[action*='Unmerge']")).ToHaveCountAsync(0);
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

    [Fact]
    public async Task PersonPage_ShowsEachRecordsTypedIdentifiers_AndMarksADeactivatedRecord()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        Demographics Person(string address) => new()
        {
            GivenName = "Wilhelmina", FamilyName = "Ashcombe-Tregear", BirthDate = "1972-09-30", Sex = "F", AddressLine = address, City = "Delmar",
            PostalCode = "2119", Identifiers = { new Identifier { Type = "MR", Authority = "NORTH_HOSP", Value = "MRN-448120" } },
        };
        var first = await registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "ID-1" }, Demographics = Person("9 Banksia Way") });
        var second = await registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "ID-2" }, Demographics = Person("9 Banksia Way") });
        Assert.Equal(first.PersonId, second.PersonId);
        await registration.DeactivateAsync(new DeactivateRequest { Key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "ID-2" }, Reason = "duplicate chart closed" });

        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/persons/{first.PersonId}");

        var active = page.Locator("#records tbody tr[data-record='NORTH_HOSP/ID-1']");
        await Assertions.Expect(active.Locator("td.identifiers")).ToContainTextAsync("MR (NORTH_HOSP) MRN-448120");
        await Assertions.Expect(active).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("deactivated"));
        var deactivated = page.Locator("#records tbody tr[data-record='SOUTH_LAB/ID-2']");
        await Assertions.Expect(deactivated).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("deactivated"));
        await Assertions.Expect(deactivated.Locator(".tag")).ToContainTextAsync("deactivated");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
