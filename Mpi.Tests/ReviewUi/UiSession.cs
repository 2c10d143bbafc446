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
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }
}
