using Microsoft.Playwright;
using Mpi.Tests.Service.Learning;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// A steward runs "Learn from reviews" in the browser on a service whose review tasks an oracle resolved through the
/// real ReviewService: the report shows, and the learned version is stored, not active. A clerk may not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LearnFromReviewsTests(LearnFromReviewsTests.ReviewedService service, Chromium chromium) : IClassFixture<LearnFromReviewsTests.ReviewedService>
{
    /// <summary>The review UI's service with a synthetic population registered and its review tasks resolved by the generator's truth.</summary>
    public sealed class ReviewedService : ReviewUiService
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var population = new SyntheticRegistrations(9_000, seed: 21);
            await SyntheticRegistrations.RegisterAsync(Channel, population.Records);
            await new OracleReviewer(Channel, population.Truth).ResolveAsync(400);
        }
    }

    [Fact]
    public async Task Learn_Steward_SeesTheReportAndTheNewVersionIsStoredInactive()
    {
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/learn");
        var active = (await page.Locator(".hint strong").TextContentAsync())!;

        await page.ClickAsync("#learn");

        await Assertions.Expect(page.Locator("#learned")).ToContainTextAsync("not active", new() { Timeout = 60_000 });
        var stored = (await page.Locator("#stored-version").TextContentAsync())!;
        Assert.StartsWith($"{active}+learned", stored, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#auc")).ToContainTextAsync("AUC 0.");
        await Assertions.Expect(page.Locator("#review-band")).ToContainTextAsync("→");
        await Assertions.Expect(page.Locator("#candidate-pairs")).ToContainTextAsync("among the newest");
        Assert.True(int.Parse((await page.Locator("#labelled").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture) >= 10);
        await Screenshots.SaveAsync(page, "learn");

        await page.ClickAsync("#learned a");
        await Assertions.Expect(page.Locator("#compared-version")).ToHaveTextAsync(stored);
        Assert.True(await page.Locator("#pairs tbody tr.moved").CountAsync() > 0, "the learned version moves some of the latest review pairs");

        await page.GotoAsync("/steward/versions");
        var row = page.Locator("#versions tbody tr", new() { HasText = stored });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        Assert.DoesNotContain("active", (await row.Locator("td").Nth(1).TextContentAsync())!, StringComparison.Ordinal);
        await Assertions.Expect(row.Locator("td.made-by")).ToHaveTextAsync("user:" + ReviewUiService.Steward);
        await Assertions.Expect(page.Locator("#versions tbody tr.active")).ToContainTextAsync(active);

        var auditor = await chromium.OpenAsync(service, ReviewUiService.Auditor, "/audit");
        var audit = await auditor.Locator("#audit tbody tr").AllTextContentsAsync();
        Assert.Contains(audit, r => r.Contains("learn_model", StringComparison.Ordinal) && r.Contains(stored, StringComparison.Ordinal)
            && r.Contains("user:" + ReviewUiService.Steward, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Learn_Clerk_IsRefusedWith403()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.SignInAsync(ReviewUiService.Clerk);

        var opened = await page.GotoAsync("/steward/learn");
        var posted = await page.Context.APIRequest.PostAsync("/steward/learn");

        Assert.Equal(403, opened!.Status);
        Assert.Equal(403, posted.Status);
    }
}
