using System.Net;
using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>Who may open what: sign-in required, roles per page, cookie and form protections.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewUiAccessTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Fact]
    public async Task Queue_Unauthenticated_RedirectsToLogin()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(service.UiAddress) };

        using var response = await http.GetAsync("/queue?size=100");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskPage_UnauthenticatedInTheBrowser_ShowsTheLoginFormAndNoTask()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);

        await page.GotoAsync($"/tasks/{service.Tasks[0].TaskId}");

        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync("input[name=password]"));
        Assert.DoesNotContain("Quarrington", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/steward/thresholds")]
    [InlineData("/steward/versions")]
    [InlineData("/steward/users")]
    [InlineData("/steward/exceptions")]
    [InlineData("/audit")]
    public async Task StewardOrAuditorPage_Clerk_IsRefusedWith403(string path)
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.SignInAsync(ReviewUiService.Clerk);

        var response = await page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        Assert.Contains("not allowed", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_SignedIn_SendHeadersThatForbidFramingAndForeignScripts()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.SignInAsync(ReviewUiService.Clerk);

        var response = await page.GotoAsync("/queue?size=100");

        var headers = await response!.AllHeadersAsync();
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefused()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await TrySignInAsync(page, ReviewUiService.Clerk, "not-the-password");

        Assert.True(await page.IsVisibleAsync("text=Unknown user or wrong password"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "mpi.ui");
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_EvenTheRightOneIsRefused()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        for (var i = 0; i < 5; i++) await TrySignInAsync(page, ReviewUiService.SecondClerk, $"wrong-password-{i}");

        await TrySignInAsync(page, ReviewUiService.SecondClerk, ReviewUiService.Password);

        Assert.True(await page.IsVisibleAsync("#locked-out"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "mpi.ui");
    }

    private static async Task TrySignInAsync(Microsoft.Playwright.IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task SignIn_Clerk_CookieIsHttpOnlyAndSameSiteStrict()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);

        await page.SignInAsync(ReviewUiService.Clerk);

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "mpi.ui");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Contains("/queue", page.Url, StringComparison.Ordinal);
    }

    /// <summary>The default trusts no proxy: a request claiming to have come over HTTPS from loopback is still plain HTTP here.</summary>
    [Fact]
    public Task ForwardedHeaders_FromAProxyNobodyNamed_AreIgnored() => SecureCookiesTests.AssertHttpsClaimIgnoredAsync(service.UiAddress);

    [Fact]
    public async Task SignOut_SignedInClerk_EndsTheSession()
    {
        var page = await chromium.NewPageAsync(service.UiAddress);
        await page.SignInAsync(ReviewUiService.Clerk);

        await page.ClickAsync("form.who button");

        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/queue?size=100");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPost_WithoutAntiForgeryToken_IsRejected()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(service.UiAddress) };

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = ReviewUiService.Clerk, ["password"] = ReviewUiService.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UiPage_OnTheMetricsPort_IsNotServed()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(service.MetricsAddress) };

        using var response = await http.GetAsync("/login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
