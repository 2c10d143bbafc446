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
}
