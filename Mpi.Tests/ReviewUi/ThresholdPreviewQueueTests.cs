using Microsoft.Playwright;
using Mpi.Contracts.V1;
using Mpi.Service.Cli;
using Mpi.Tools.Load;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// The review UI service with every kind of task the thresholds alone do not explain: FEBRL dataset 1 registered with
/// one automatic link in three sampled as a quality check, and a pair of twins the guard holds back.
/// </summary>
public sealed class MixedQueueUiService : ReviewUiService
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:QualityCheckOneIn", "3")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var records = new FileInfo(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1", "records.csv"));
        var exit = await LoadCommand.RunAsync(records, null, Address, ApiKey, 1, null, TextWriter.Null, TextWriter.Null, CancellationToken.None);
        if (exit != ExitCodes.Success) throw new InvalidOperationException($"loading FEBRL1 exited with {exit}");
        var registration = new RegistrationService.RegistrationServiceClient(Channel);
        await registration.RegisterAsync(Twin("NORTH_HOSP", "Adaeze"));
        var twin = await registration.RegisterAsync(Twin("SOUTH_LAB", "Chiamaka"));
        if (twin.Decision != Decision.Review) throw new InvalidOperationException($"the twin gave {twin.Decision}, not a review task");
    }

    private static RegisterRequest Twin(string registry, string given) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = $"{registry}-{given}" },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = "Oyelaran", BirthDate = "1988-03-02", Sex = "F", AddressLine = "6 Jacaranda Street", City = "Delmar",
            PostalCode = "2119", Phone = "0291112233",
        },
    };
}

/// <summary>
/// The thresholds preview counts exactly what the queue would hold (issue 16, item 6): at the active thresholds its
/// review count is the queue's open tasks — band, guard-held, quality checks — and with the thresholds moved it counts
/// the guard-held pairs and sampled links that would still open a task.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThresholdPreviewQueueTests(MixedQueueUiService service, Chromium chromium) : IClassFixture<MixedQueueUiService>
{
    [Fact]
    public async Task ReviewCount_AtTheActiveThresholds_IsTheQueuesOpenTasks_AndGuardHeldPairsStayInReview()
    {
        var open = await OpenTasksAsync();
        Assert.Contains(open, t => t.Cause == ReviewCause.QualityCheck);
        Assert.Contains(open, t => t.Cause == ReviewCause.Guard);

        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/thresholds");
        await Assertions.Expect(page.Locator("#count-review")).ToHaveTextAsync(open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var causes = page.Locator("#review-causes");
        await Assertions.Expect(causes).ToContainTextAsync($"{open.Count(t => t.Cause == ReviewCause.Guard)} held by a guard");
        await Assertions.Expect(causes).ToContainTextAsync($"{open.Count(t => t.Cause == ReviewCause.QualityCheck)} quality check(s)");
        await Assertions.Expect(causes).ToContainTextAsync($"the queue holds {open.Count} open task(s) now");

        // Raise review (and with it auto-link) to 0.99: a guard-held pair or a sampled automatic link below 0.99 would
        // now be a new person, one at or above it is still a task.
        await page.FocusAsync("#review");
        for (var i = 0; i < 99 && await page.InputValueAsync("#review") != "0.99"; i++) await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("0.99", await page.InputValueAsync("#autolink"));
        var stillGuarded = open.Count(t => t.Cause == ReviewCause.Guard && t.BestProbability >= 0.99);
        var stillChecked = open.Count(t => t.Cause == ReviewCause.QualityCheck && t.BestProbability >= 0.99);
        Assert.True(stillGuarded < open.Count(t => t.Cause == ReviewCause.Guard), "no guard-held pair below 0.99: the move shows nothing");
        await Assertions.Expect(causes).ToContainTextAsync($"0 in the review band, {stillGuarded} held by a guard");
        await Assertions.Expect(page.Locator("#count-review")).ToHaveTextAsync((stillGuarded + stillChecked).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<List<ReviewTaskSummary>> OpenTasksAsync()
    {
        var client = new ReviewService.ReviewServiceClient(service.Channel);
        var tasks = new List<ReviewTaskSummary>();
        var token = "";
        do
        {
            var page = await client.ListTasksAsync(new ListTasksRequest { PageSize = 500, PageToken = token });
            tasks.AddRange(page.Tasks);
            token = page.NextPageToken;
        } while (token != "");
        return tasks;
    }
}
