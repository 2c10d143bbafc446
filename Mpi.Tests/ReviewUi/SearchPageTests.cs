using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// A clerk finds a person (issue 16, item 3): by name and date of birth, by a registry's record, by an identifier; each
/// search is audited with its reason, and one without a reason is not run. Results are persons with their records.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private async Task<List<AuditEntryEntity>> AuditedAsync(string reason)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Reason == reason).ToListAsync();
    }

    [Fact]
    public async Task Clerk_FindsAPersonByNameAndBirthDate_ByRecord_AndByIdentifier_EachSearchAudited()
    {
        var person = service.Tasks[0].CandidatePersonId;
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/search");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.FillAsync("#given-name", "Ottoline");
        await page.FillAsync("#family-name", "Quarrington");
        await page.FillAsync("#birth-date", "1941-01-04");
        await page.FillAsync("#reason", "patient at the front desk without a card");
        await page.ClickAsync("#search-submit");

        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#results tr[data-person='{person}']")).ToContainTextAsync("NORTH_HOSP / N-Quarrington");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "search");
        Assert.Contains(await AuditedAsync("patient at the front desk without a card"), a => a.Action == AuditAction.ReadPerson && a.Subject == person);

        await page.GotoAsync("/search");
        await page.FillAsync("#registry", "NORTH_HOSP");
        await page.FillAsync("#local-id", "N-Quarrington");
        await page.FillAsync("#reason", "lab result to file");
        await page.ClickAsync("#search-submit");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#results tr[data-person='{person}']")).ToContainTextAsync("exact");
        Assert.Contains(await AuditedAsync("lab result to file"), a => a.Subject == person);

        var nationalId = Mpi.Tests.Service.SomeNationalIds.For("N-Quarrington");
        await page.GotoAsync("/search");
        await page.FillAsync("#identifier-type", "NI");
        await page.FillAsync("#identifier-value", nationalId);
        await page.FillAsync("#reason", "insurer query");
        await page.ClickAsync("#search-submit");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#results tr[data-person='{person}']")).ToBeVisibleAsync();
        Assert.Contains(await AuditedAsync("insurer query"), a => a.Subject == person);
    }

    [Fact]
    public async Task Search_WithoutAReason_IsNotRun()
    {
        var page = await chromium.OpenAsync(service, ReviewUiService.Clerk, "/search");
        await page.FillAsync("#registry", "NORTH_HOSP");
        await page.FillAsync("#local-id", "N-Quarrington");
        await page.ClickAsync("#search-submit");
        Assert.True(await page.Locator("#reason").EvaluateAsync<bool>("r => r.matches(':invalid')"));

        // Sent anyway (the browser's check removed), the server refuses it too.
        await page.Locator("#reason").EvaluateAsync("r => r.removeAttribute('required')");
        await page.ClickAsync("#search-submit");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("Say why you are searching");
        Assert.Equal(0, await page.Locator("#results").CountAsync());
    }
}
