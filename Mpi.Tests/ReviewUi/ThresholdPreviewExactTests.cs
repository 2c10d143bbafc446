using Microsoft.Playwright;
using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>The review UI service with a person registered twice apart and a record that bridges the two: a merge question, no review.</summary>
public sealed class BridgedQueueUiService : ReviewUiService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var registration = new RegistrationService.RegistrationServiceClient(Channel);
        Demographics Wilhelmina(string address, string city, string postal, string phone, string birthDate = "1963-09-21") => new()
        {
            GivenName = "Wilhelmina", FamilyName = "Ostrowska", BirthDate = birthDate, Sex = "F", AddressLine = address, City = city, PostalCode = postal, Phone = phone,
        };
        await registration.RegisterAsync(new RegisterRequest
            { Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "BQ-1" }, Demographics = Wilhelmina("31 Tamarind Crescent", "Delmar", "2119", "0291234567") });
        await registration.RegisterAsync(new RegisterRequest
            { Key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "BQ-2" }, Demographics = Wilhelmina("8 Saltbush Road", "Richlands", "4560", "0733456789", birthDate: "") });
        var bridge = await registration.RegisterAsync(new RegisterRequest
            { Key = new RecordKey { Registry = "GP_NET", LocalId = "BQ-3" }, Demographics = Wilhelmina("8 Saltbush Road", "Richlands", "4560", "0733456789") });
        if (bridge.Decision != Decision.AutoLink || bridge.MergeTaskId.Length == 0)
            throw new InvalidOperationException($"the bridging record gave {bridge.Decision} with merge task '{bridge.MergeTaskId}'");
    }
}

/// <summary>
/// The thresholds preview at the active thresholds shows what the service did: a record linked past a rival because the
/// two persons cohere counts as a link and a merge question, not a review; and a threshold the sliders cannot stand on
/// (0.9995) is shown as it is, counts no change until a slider moves, and is kept exactly when the other one is saved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThresholdPreviewExactTests(BridgedQueueUiService service, Chromium chromium) : IClassFixture<BridgedQueueUiService>
{
    [Fact]
    public async Task BridgedLink_CountsAsALinkAndAMergeQuestion_AndAnOffGridThresholdIsShownAndKeptExactly()
    {
        var reviews = new ReviewService.ReviewServiceClient(service.Channel);
        var open = (await reviews.ListTasksAsync(new ListTasksRequest { PageSize = 500 })).Tasks;
        Assert.Contains(open, t => t.Cause == ReviewCause.MergeQuestion);
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/thresholds");

        await Assertions.Expect(page.Locator("#count-review")).ToHaveTextAsync(open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#review-causes")).ToContainTextAsync($"{open.Count(t => t.Cause == ReviewCause.MergeQuestion)} merge question(s)");

        var models = new ModelService.ModelServiceClient(service.Channel);
        var active = await models.GetModelAsync(new GetModelRequest());
        var offGrid = await models.UpdateThresholdsAsync(new UpdateThresholdsRequest { ExpectedActiveVersion = active.Version, AutoLink = 0.9995, Reason = "test" });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#autolink-value")).ToHaveTextAsync("0.9995");
        foreach (var band in new[] { "new", "review", "link" }) await Assertions.Expect(page.Locator($"#delta-{band}")).ToHaveTextAsync(" (±0)");

        await page.FocusAsync("#review");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.FillAsync("#reason", "a little more to review");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/steward/versions?saved=true");

        var saved = await models.GetModelAsync(new GetModelRequest());
        Assert.NotEqual(offGrid.Version, saved.Version);
        Assert.Equal(0.9995, saved.Thresholds.AutoLink);
        Assert.Equal(Math.Round(offGrid.Thresholds.Review - 0.01, 2), saved.Thresholds.Review, 6);

        // Moved away and back to 0.99, the auto-link slider says 0.99 and means it.
        await page.GotoAsync("/steward/thresholds");
        await page.FocusAsync("#autolink");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#autolink-value")).ToHaveTextAsync("0.99");
        await page.FillAsync("#reason", "auto-link at 0.99");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/steward/versions?saved=true");
        Assert.Equal(0.99, (await models.GetModelAsync(new GetModelRequest())).Thresholds.AutoLink, 6);
    }
}
