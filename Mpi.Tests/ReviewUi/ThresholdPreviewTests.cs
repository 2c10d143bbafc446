using Microsoft.Extensions.DependencyInjection;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Cli;
using Mpi.Tools.Load;

namespace Mpi.Tests.ReviewUi;

/// <summary>The review UI service with a spread of match scores: FEBRL dataset 1 registered through the service.</summary>
public sealed class ScoredReviewUiService : ReviewUiService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var records = new FileInfo(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1", "records.csv"));
        var exit = await LoadCommand.RunAsync(records, null, Address, ApiKey, 1, null, TextWriter.Null, TextWriter.Null, CancellationToken.None);
        if (exit != ExitCodes.Success) throw new InvalidOperationException($"loading FEBRL1 exited with {exit}");
        // One answered task, so that the precision/recall estimate has a reviewer's decision to stand on.
        await using var scope = Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<IReviewDesk>();
        var task = (await desk.GetTaskAsync(long.Parse(Tasks[0].TaskId, System.Globalization.CultureInfo.InvariantCulture), "test", CancellationToken.None))!;
        await desk.ResolveAsync(task.TaskId, task.Version, ReviewAnswer.SamePerson, Tasks[0].CandidatePersonId, [], null, "test", null, CancellationToken.None);
    }
}

/// <summary>A steward previews and saves new thresholds in the browser; an auditor finds the change.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThresholdPreviewTests(ScoredReviewUiService service, Chromium chromium) : IClassFixture<ScoredReviewUiService>
{
    [Fact]
    public async Task AutoLinkThreshold_StewardMovesItAndSaves_PreviewChangesFirstThenANewAuditedVersionIsActive()
    {
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/thresholds");
        var before = (New: await page.TextContentAsync("#count-new"), Review: await page.TextContentAsync("#count-review"));
        var active = await page.TextContentAsync("#active-version");
        Assert.True(await page.EvaluateAsync<bool>("['histogram', 'precision-recall'].every(id => Chart.getChart(document.getElementById(id)) !== undefined)"),
            "Chart.js did not draw the preview");

        await page.FocusAsync("#autolink");
        // Most of FEBRL1's links are made by a rule, which no threshold moves; raising the auto-link threshold from
        // 0.70 to 0.99 sends the scored automatic links below it (one at about 0.97 under the shipped model) into review.
        for (var i = 0; i < 29; i++) await page.Keyboard.PressAsync("ArrowRight");

        Assert.Equal("0.99", await page.InputValueAsync("#autolink"));
        var after = (New: await page.TextContentAsync("#count-new"), Review: await page.TextContentAsync("#count-review"));
        Assert.True(before != after, $"the preview did not change: new {before.New} → {after.New}, review {before.Review} → {after.Review}; scores "
            + await page.EvaluateAsync<string>("JSON.parse(document.getElementById('preview-data').textContent).decisions.map(d => d[0].toFixed(3)).sort().join(' ')"));
        Assert.Equal(active, await page.TextContentAsync("#active-version"));
        await Screenshots.SaveAsync(page, "thresholds");

        await page.FillAsync("#reason", "look at the near misses");
        await page.ClickAsync("#save");

        await page.WaitForURLAsync("**/steward/versions?saved=true");
        var row = page.Locator("#versions tbody tr.active");
        Assert.Contains("0.99", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("user:" + ReviewUiService.Steward, await row.Locator(".made-by").TextContentAsync());
        var auditor = await chromium.OpenAsync(service, ReviewUiService.Auditor, "/audit?action=activate_model&actor=user:" + ReviewUiService.Steward);
        var entries = await auditor.Locator("#audit tbody tr").AllTextContentsAsync();
        Assert.Contains(entries, e => e.Contains("look at the near misses", StringComparison.Ordinal));
        await Screenshots.SaveAsync(auditor, "audit");
    }

    [Fact]
    public async Task Retrain_StewardComparesThenActivates_TheTrainedVersionIsActiveAndAudited()
    {
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/versions");

        await page.ClickAsync("#retrain");

        await page.WaitForURLAsync("**/steward/compare/**");
        var trained = await page.TextContentAsync("#compared-version");
        Assert.StartsWith("em-", trained, StringComparison.Ordinal);
        Assert.True(await page.Locator("#levels tbody tr").CountAsync() > 10);
        Assert.True(await page.Locator("#pairs tbody tr").CountAsync() > 0);
        await Screenshots.SaveAsync(page, "compare");
        await page.FillAsync("#reason", "trained on our own registries");
        await page.ClickAsync("#activate");

        await page.WaitForURLAsync("**/steward/versions?saved=true");
        Assert.Contains(trained!, await page.Locator("#versions tbody tr.active").TextContentAsync(), StringComparison.Ordinal);
        await using var scope = service.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
            .ListAsync(new AuditQuery("user:" + ReviewUiService.Steward, null, trained, null, null), CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "train_model");
        Assert.Contains(audit, a => a.Action == "activate_model" && a.Reason == "trained on our own registries");
    }
}
