using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>A task with two candidate persons that are one person: the clerk merges them from the task page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MergeFromTaskTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);

    private static RegisterRequest Request(string registry, string address, string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = $"{registry}-Aldous" },
        Demographics = new Demographics
        {
            GivenName = "Perpetua", FamilyName = "Aldous", BirthDate = "1963-10-27", Sex = "F", AddressLine = address, City = city, PostalCode = postal,
            NationalId = Mpi.Tests.Service.SomeNationalIds.For(registry),
        },
    };

    [Fact]
    public async Task TwoCandidates_ClerkMergesThemByKeyboard_OnePersonHoldsAllThreeRecords()
    {
        // Two registries' records kept apart by a reviewer, then a third registry's record that could be either.
        var first = await Registration.RegisterAsync(Request("WEST_GP", "5 Tuart Lane", "Bunbury", "6230"));
        var second = await Registration.RegisterAsync(Request("EAST_LAB", "17 Wandoo Close", "Northam", "6401"));
        Assert.Equal(Decision.Review, second.Decision);
        var review = new ReviewService.ReviewServiceClient(service.Channel);
        var apart = await review.GetTaskAsync(new GetTaskRequest { TaskId = second.ReviewTaskId });
        await review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = apart.TaskId, ExpectedVersion = apart.Version, Resolution = Resolution.DifferentPerson, Reason = "looked different then",
        });
        // That answer is remembered as a "not the same person" mark; a steward who found them to be one removes it.
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var mark = (await persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest
        {
            Record = new RecordKey { Registry = "EAST_LAB", LocalId = "EAST_LAB-Aldous" },
        })).Marks.Single();
        await persons.RemoveDifferentPersonMarkAsync(new RemoveDifferentPersonMarkRequest { MarkId = mark.MarkId, Reason = "the same Medicare card on both" });
        var third = await Registration.RegisterAsync(Request("SOUTH_PHARM", "3 Karri Rise", "Denmark", "6333"));
        Assert.Equal(Decision.Review, third.Decision);
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{third.ReviewTaskId}");
        Assert.Equal(2, await page.Locator("#actions input[name=personId]").CountAsync());

        await page.Keyboard.PressAsync("1");
        var survivor = await page.Locator("#actions input[name=personId]:checked").InputValueAsync();
        await page.FillAsync("#reason", "checked with the patient");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("m");

        await page.WaitForURLAsync("**?done=true");
        Assert.Contains("merge persons", await page.TextContentAsync("#resolution"), StringComparison.Ordinal);
        await page.GotoAsync($"/persons/{survivor}");
        Assert.Equal(3, await page.Locator("#records tbody tr").CountAsync());
        Assert.Contains(new[] { first.PersonId, second.PersonId }, id => id == survivor);
    }

    [Fact]
    public async Task OpenTask_CandidateMergedMeanwhile_ClerkGetsTheCandidatesChangedMessage()
    {
        var (taskId, candidate, _) = service.Tasks[0];
        var elsewhere = service.Tasks[1].CandidatePersonId;
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{taskId}");
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var (survivor, merged) = (await persons.GetPersonAsync(new GetPersonRequest { PersonId = elsewhere }),
            await persons.GetPersonAsync(new GetPersonRequest { PersonId = candidate }));
        await persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = elsewhere, MergedPersonId = candidate, ExpectedSurvivorVersion = survivor.Version,
            ExpectedMergedVersion = merged.Version, Reason = "a steward's merge while the task was open",
        });

        await page.FillAsync("#reason", "checked with the patient");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("s");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("a candidate person changed since you opened this task");
        Assert.Equal(0, await page.Locator("#resolution").CountAsync());
    }
}
