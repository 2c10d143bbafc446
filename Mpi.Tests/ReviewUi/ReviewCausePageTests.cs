using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// The queue and the task page say why each task is there (issue 16, item 1), from what was decided when it opened;
/// a pair the guard holds back gets no highlighted default answer, and a disabled action looks disabled (item 2); both
/// pages pass axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewCausePageTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private static RegisterRequest Twin(string registry, string given) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = $"{registry}-{given}" },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = "Oyelaran", BirthDate = "1988-03-02", Sex = "F", AddressLine = "6 Jacaranda Street", City = "Delmar",
            PostalCode = "2119", Phone = "0291112233", Identifiers = { new Identifier { Type = "MR", Authority = registry, Value = $"MRN-{given}" } },
        },
    };

    [Fact]
    public async Task TwinsHeldByTheGuard_QueueAndTaskSayWhy_AndNoAnswerIsTheDefault()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        await registration.RegisterAsync(Twin("NORTH_HOSP", "Adaeze"));
        var twin = await registration.RegisterAsync(Twin("SOUTH_LAB", "Chiamaka"));
        Assert.Equal(Decision.Review, twin.Decision);

        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/queue?size=100");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#queue tr[data-task='{twin.ReviewTaskId}'] td.why")).ToContainTextAsync("twins?");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/tasks/{twin.ReviewTaskId}");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#why")).ToContainTextAsync("held back");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#why")).ToContainTextAsync("twins?");
        Assert.DoesNotContain("primary", await page.Locator("button[value=same]").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        // One candidate: "Merge persons" is disabled, and looks it beside an enabled answer (not merely inert).
        var merge = page.Locator("button[value=merge]");
        await Microsoft.Playwright.Assertions.Expect(merge).ToBeDisabledAsync();
        const string Look = "b => { const s = getComputedStyle(b); return [s.cursor, s.backgroundColor, s.color, s.borderStyle].join(' | '); }";
        var disabledLook = await merge.EvaluateAsync<string>(Look);
        var enabledLook = await page.Locator("button[value=different]").EvaluateAsync<string>(Look);
        Assert.StartsWith("not-allowed | ", disabledLook, StringComparison.Ordinal);
        Assert.All(disabledLook.Split(" | ").Zip(enabledLook.Split(" | ")), pair => Assert.NotEqual(pair.First, pair.Second));
        // Each side's typed identifiers are shown with their authority.
        var identifiers = page.Locator("#candidate-1 tr.typed-identifiers");
        await Microsoft.Playwright.Assertions.Expect(identifiers).ToContainTextAsync("MR (SOUTH_LAB) MRN-Chiamaka");
        await Microsoft.Playwright.Assertions.Expect(identifiers).ToContainTextAsync("MR (NORTH_HOSP) MRN-Adaeze");
        // One probability per candidate: the header's is candidate 1's heading's.
        Assert.Contains($"probability {await page.TextContentAsync("#best-probability")}", await page.Locator("#candidate-1 h2").First.TextContentAsync() ?? "",
            StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-why");
    }

    [Fact]
    public async Task TwinsHeldByTheGuard_WithTwoCandidates_AnAnswerNamingNoCandidateIsRefused_NeverTheFirstByDefault()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        RegisterRequest Sibling(string registry, string localId, string given) => new()
        {
            Key = new RecordKey { Registry = registry, LocalId = localId },
            Demographics = new Demographics
            {
                GivenName = given, FamilyName = "Wachowski", BirthDate = "1993-11-21", Sex = "M", AddressLine = "14 Paperbark Close", City = "Delmar",
                PostalCode = "2119",
            },
        };
        var ben = await registration.RegisterAsync(Sibling("NORTH_HOSP", "GT-1", "Benedikt"));
        var bob = await registration.RegisterAsync(Sibling("NORTH_HOSP", "GT-2", "Bartholomew"));
        var incoming = await registration.RegisterAsync(Sibling("SOUTH_LAB", "GT-3", "Cornelius"));
        Assert.Equal(Decision.Review, incoming.Decision);
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{incoming.ReviewTaskId}");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("input[name=personId][type=radio]")).ToHaveCountAsync(2);
        Assert.Equal(0, await page.Locator("input[name=personId][type=radio]:checked").CountAsync());

        await page.FillAsync("#reason", "same date of birth and address");
        await page.ClickAsync("button[value=same]");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("Choose the candidate person");
        var task = await new ReviewService.ReviewServiceClient(service.Channel).GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId });
        Assert.NotEqual(ReviewTaskState.Resolved, task.State);
        var record = await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(
            new GetPersonRequest { Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "GT-3" }, Reason = "test" });
        Assert.DoesNotContain(record.PersonId, new[] { ben.PersonId, bob.PersonId });
    }
}
