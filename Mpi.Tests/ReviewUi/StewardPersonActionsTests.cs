using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// Steward actions that were gRPC-only, on the person page (issue 16, item 4): move a record to another person, merge
/// a chosen person into this one (the same version checks and history as PersonService), and the "not the same
/// person" marks listed and removed; the page passes axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StewardPersonActionsTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string given, string family, string birthDate, string nationalId) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = "M", AddressLine = $"{family.Length} Banksia Way", City = "Delmar",
            PostalCode = "2119", NationalId = nationalId,
        },
    };

    [Fact]
    public async Task Steward_MovesARecordToAnotherPerson_ThenMergesThatPersonBack()
    {
        var a1 = await Registration.RegisterAsync(Request("NORTH_HOSP", "SA-1", "Evander", "Thistlewood", "1966-02-11", "471905522"));
        var a2 = await Registration.RegisterAsync(Request("SOUTH_LAB", "SA-2", "Evander", "Thistlewood", "1966-02-11", "471905522"));
        var b = await Registration.RegisterAsync(Request("GP_NET", "SA-3", "Marmaduke", "Fennimore", "1949-12-30", "388204719"));
        Assert.Equal(a1.PersonId, a2.PersonId);
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/persons/{a1.PersonId}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.SelectOptionAsync("#link-record", "SOUTH_LAB|SA-2");
        await page.FillAsync("#link-to", b.PersonId);
        await page.FillAsync("#link-reason", "the lab filed the sample under the wrong patient");
        await page.ClickAsync("#link-submit");

        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("done=linked"));
        var moved = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId, Reason = "test" });
        Assert.Contains(moved.Records, r => r.Key.LocalId == "SA-2");
        Assert.Contains(moved.History, h => h.Kind == LinkEventKind.StewardLink && h.Reason == "the lab filed the sample under the wrong patient");

        await page.GotoAsync($"/persons/{a1.PersonId}");
        await page.FillAsync("#merge-person", b.PersonId);
        await page.FillAsync("#merge-reason", "it was him after all");
        await page.ClickAsync("#merge-submit");

        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("done=merged"));
        var merged = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId, Reason = "test" });
        Assert.Equal((PersonState.Merged, a1.PersonId), (merged.State, merged.MergedIntoPersonId));
        Assert.Equal(3, (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a1.PersonId, Reason = "test" })).Records.Count);
    }

    [Fact]
    public async Task Steward_SeesAnUnlinksMark_MergeIsRefusedWhileItHolds_AndRemovesIt()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "SM-1", "Peregrine", "Ashcombe", "1971-07-07", "471906633"));
        await Registration.RegisterAsync(Request("SOUTH_LAB", "SM-2", "Peregrine", "Ashcombe", "1971-07-07", "471906633"));
        var person = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId, Reason = "test" });
        var unlinked = await Persons.UnlinkAsync(new UnlinkRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "SM-2" }, ExpectedPersonVersion = person.Version, Reason = "a different Peregrine",
        });
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/persons/{first.PersonId}");
        var row = page.Locator("#marks tbody tr");
        await Microsoft.Playwright.Assertions.Expect(row).ToHaveCountAsync(1);
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("a different Peregrine");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.FillAsync("#merge-person", unlinked.NewPerson.PersonId);
        await page.FillAsync("#merge-reason", "one person");
        await page.ClickAsync("#merge-submit");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("marked as not the same person");

        await row.Locator("input[name=reason]").FillAsync("the unlink was a mistake");
        await row.Locator("button").ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("done=mark%20removed"));
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#no-marks")).ToBeVisibleAsync();
        var marks = await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { PersonId = first.PersonId, IncludeRemoved = true });
        Assert.Equal((true, "the unlink was a mistake"), (marks.Marks.Single().Removed, marks.Marks.Single().RemovalReason));
        await Screenshots.SaveAsync(page, "person-steward");
    }

    [Fact]
    public async Task StewardForms_PostedWithoutWhatTheyName_OrWithoutAReason_SayWhyOnThePage_AndChangeNothing()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "SF-1", "Wilhelmina", "Oakenshaw", "1958-04-19", "471907744"));
        var second = await Registration.RegisterAsync(Request("SOUTH_LAB", "SF-2", "Wilhelmina", "Oakenshaw", "1958-04-19", "471907744"));
        Assert.Equal(first.PersonId, second.PersonId);
        var before = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId, Reason = "test" });
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/persons/{first.PersonId}");

        // Each form as a hand-made post would send it, with the page's anti-forgery token: (status, the page's alert).
        async Task<(int, string)> PostAsync(string handler, Dictionary<string, string> fields) =>
            await page.EvaluateAsync<string>(@"async ([handler, fields]) => {
                const body = new URLSearchParams(fields);
                body.set('__RequestVerificationToken', document.querySelector('input[name=__RequestVerificationToken]').value);
                const answer = await fetch(location.pathname + '?handler=' + handler, { method: 'POST', body, redirect: 'manual' });
                const alert = new DOMParser().parseFromString(await answer.text(), 'text/html').querySelector('[role=alert]');
                return answer.status + '|' + (alert ? alert.textContent.trim() : '');
            }", new object[] { handler, fields }) is var answer && answer.Split('|', 2) is [var status, var alert] ? (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), alert)
                : throw new InvalidOperationException(answer);
        var version = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tooLong = new string('x', 501);

        var noRecord = await PostAsync("Link", new() { ["version"] = version, ["toPersonId"] = "P-1", ["reason"] = "moving it" });
        var noTarget = await PostAsync("Link", new() { ["record"] = "SOUTH_LAB|SF-2", ["version"] = version, ["reason"] = "moving it" });
        var noMerged = await PostAsync("Merge", new() { ["version"] = version, ["reason"] = "one person" });
        var noReason = await PostAsync("Unlink", new() { ["registry"] = "SOUTH_LAB", ["localId"] = "SF-2", ["version"] = version });
        var longReason = await PostAsync("Unlink", new() { ["registry"] = "SOUTH_LAB", ["localId"] = "SF-2", ["version"] = version, ["reason"] = tooLong });

        Assert.Equal((200, "Choose the record to move."), noRecord);
        Assert.Equal((200, "Give the id of the person to move the record to."), noTarget);
        Assert.Equal((200, "Give the id of the person to merge into this one."), noMerged);
        Assert.Equal(200, noReason.Item1);
        Assert.Contains("Give a reason", noReason.Item2, StringComparison.Ordinal);
        Assert.Contains("longer than 500", longReason.Item2, StringComparison.Ordinal);
        var after = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId, Reason = "test" });
        Assert.Equal((before.Version, 2), (after.Version, after.Records.Count));
    }
}
