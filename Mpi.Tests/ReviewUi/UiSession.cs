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
        // Polls the URL, no load state: the sign-in redirects, and WaitForURL's wait for a load state (load, or even
        // commit) of a document the redirect had already replaced hung now and then. The caller navigates next.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
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
