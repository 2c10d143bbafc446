using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>Signing in through the login form, as a person does.</summary>
public static class UiSession
{
    public static async Task SignInAsync(this IPage page, string userName, string password = ReviewUiService.Password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        // Until the next document is committed, not loaded: the sign-in redirects, and waiting for the load event of a
        // document the redirect already replaced hung now and then on a freshly built suite. The caller navigates next.
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>A fresh browser context signed in as <paramref name="userName"/>, on <paramref name="path"/>.</summary>
    public static async Task<IPage> OpenAsync(this Chromium chromium, ReviewUiService service, string userName, string path, int width = 1280,
        int height = 800)
    {
        var page = await chromium.NewPageAsync(service.UiAddress, width, height);
        await page.SignInAsync(userName);
        await page.GotoAsync(path);
        return page;
    }
}
