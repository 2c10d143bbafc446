namespace Mpi.Tests.ReviewUi;

/// <summary>
/// axe-core over every page of the review UI, as the role that uses it sees it (issue 16's acceptance: no critical and
/// no serious violation anywhere). Pages with states of their own (an answered task, a steward's person page, search
/// results, the phone layout) are checked by their own tests as well.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Theory]
    [InlineData(ReviewUiService.Clerk, "/")]
    [InlineData(ReviewUiService.Clerk, "/queue?size=100")]
    [InlineData(ReviewUiService.Clerk, "/search")]
    [InlineData(ReviewUiService.Clerk, "/tasks/{task}")]
    [InlineData(ReviewUiService.Clerk, "/persons/{person}")]
    [InlineData(ReviewUiService.Steward, "/persons/{person}")]
    [InlineData(ReviewUiService.Steward, "/steward/thresholds")]
    [InlineData(ReviewUiService.Steward, "/steward/versions")]
    [InlineData(ReviewUiService.Steward, "/steward/learn")]
    [InlineData(ReviewUiService.Steward, "/steward/users")]
    [InlineData(ReviewUiService.Steward, "/steward/exceptions")]
    [InlineData(ReviewUiService.Steward, "/steward/reviewers")]
    [InlineData(ReviewUiService.Auditor, "/audit")]
    public async Task Page_HasNoSeriousAccessibilityViolation(string user, string path)
    {
        var page = await chromium.OpenAsync(service, user, path.Replace("{task}", service.Tasks[0].TaskId).Replace("{person}", service.Tasks[0].CandidatePersonId));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task LoginPage_HasNoSeriousAccessibilityViolation()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.GotoAsync("/login");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
