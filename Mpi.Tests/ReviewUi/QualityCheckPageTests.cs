using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>The review UI's service with every automatic link sampled as a quality check.</summary>
public sealed class QualityCheckUiService : ReviewUiService
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:QualityCheckOneIn", "1")];
}

/// <summary>
/// Quality checks on the review desk (issue 16, item 6): a sampled automatic link is a task that says what it is; a
/// clerk rejects it, a steward unlinks the record from the task, and the thresholds page shows the estimated
/// false-merge rate of the auto-link band with its interval.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QualityCheckPageTests(QualityCheckUiService service, Chromium chromium) : IClassFixture<QualityCheckUiService>
{
    private static RegisterRequest Request(string registry, string localId, string nationalId) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = "Isembard", FamilyName = "Pennington-Rowe", BirthDate = "1959-06-13", Sex = "M", AddressLine = "4 Quandong Street", City = "Delmar",
            PostalCode = "2119", Phone = "0293334444", NationalId = nationalId,
        },
    };

    [Fact]
    public async Task ClerkRejectsASampledAutomaticLink_StewardUnlinksIt_AndTheThresholdsPageEstimatesTheRate()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        var first = await registration.RegisterAsync(Request("NORTH_HOSP", "QC-1", "612004988"));
        var linked = await registration.RegisterAsync(Request("SOUTH_LAB", "QC-2", "598330171"));
        Assert.Equal((Decision.AutoLink, first.PersonId), (linked.Decision, linked.PersonId));
        var check = (await new ReviewService.ReviewServiceClient(service.Channel).ListTasksAsync(new ListTasksRequest { PageSize = 500 }))
            .Tasks.Single(t => t.Cause == ReviewCause.QualityCheck && t.Incoming.LocalId == "QC-2");

        var clerk = await chromium.OpenAsync(service, ReviewUiService.Clerk, $"/tasks/{check.TaskId}");
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator("#why")).ToContainTextAsync("quality check");
        await clerk.FillAsync("#reason", "different Medicare numbers: two men");
        await clerk.ClickAsync("button[value=different]");
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator("#resolution")).ToContainTextAsync("different person");

        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, $"/tasks/{check.TaskId}");
        await Accessibility.AssertNoSeriousViolationsAsync(steward);
        await steward.FillAsync("#unlink-reason", "rejected by the quality check");
        await steward.ClickAsync("#unlink-submit");
        await Microsoft.Playwright.Assertions.Expect(steward).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("done=unlinked"));
        var person = await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId, Reason = "test" });
        Assert.Equal(["QC-1"], person.Records.Select(r => r.Key.LocalId));

        await steward.GotoAsync("/steward/thresholds");
        await Microsoft.Playwright.Assertions.Expect(steward.Locator("#false-merge")).ToContainTextAsync("from 1 quality check(s): estimated false-merge rate 100.0%");
        await Accessibility.AssertNoSeriousViolationsAsync(steward);
    }
}
