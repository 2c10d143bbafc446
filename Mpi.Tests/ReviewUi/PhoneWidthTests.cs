using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>Every page on a 390-pixel phone screen: nothing pushes the page sideways (wide tables scroll in place).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    public const int PhoneWidth = 390;

    [Theory]
    [InlineData(ReviewUiService.Clerk, "/queue?size=100")]
    [InlineData(ReviewUiService.Clerk, "/search")]
    [InlineData(ReviewUiService.Clerk, "/tasks/{task}")]
    [InlineData(ReviewUiService.Clerk, "/persons/{person}")]
    [InlineData(ReviewUiService.Steward, "/steward/thresholds")]
    [InlineData(ReviewUiService.Steward, "/steward/versions")]
    [InlineData(ReviewUiService.Steward, "/steward/users")]
    [InlineData(ReviewUiService.Steward, "/steward/reviewers")]
    [InlineData(ReviewUiService.Auditor, "/audit")]
    public async Task Page_OnAPhone_FitsTheScreenWidth(string user, string path)
    {
        var page = await chromium.NewPageAsync(service.UiAddress, PhoneWidth, 844);
        await page.SignInAsync(user);

        var response = await page.GotoAsync(path.Replace("{task}", service.Tasks[0].TaskId).Replace("{person}", service.Tasks[0].CandidatePersonId));

        Assert.Equal(200, response!.Status);
        Assert.Equal("", await OutsideTheScreenAsync(page));
    }

    [Fact]
    public async Task Queue_OnAPhone_IsCardsWithNothingToScrollSideways()
    {
        var page = await chromium.NewPageAsync(service.UiAddress, PhoneWidth, 844);
        await page.SignInAsync(ReviewUiService.Clerk);
        await page.GotoAsync("/queue?size=100");

        // Inside the scrolling wrapper too: the claim button of every task is on the screen.
        var beyond = await page.EvaluateAsync<int>($"Array.from(document.querySelectorAll('#queue *')).filter(e => e.getBoundingClientRect().right > {PhoneWidth + 1}).length");
        Assert.Equal(0, beyond);
        Assert.Equal("block", await page.Locator("#queue tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "queue-phone");
    }

    /// <summary>Elements (outside scrolling table wrappers) whose right edge lies beyond the screen, or "".</summary>
    public static Task<string> OutsideTheScreenAsync(IPage page) => page.EvaluateAsync<string>(
        $"Array.from(document.querySelectorAll('body *')).filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > {PhoneWidth + 1})"
        + ".map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')");
}
