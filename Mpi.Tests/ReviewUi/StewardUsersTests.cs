namespace Mpi.Tests.ReviewUi;

/// <summary>A steward adds a user on the users page; the new user signs in with the role given.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StewardUsersTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    [Fact]
    public async Task AddUser_StewardAddsAnAuditor_TheAuditorSignsInToTheAuditTrail()
    {
        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/users");
        await steward.FillAsync("input[name=userName]", "auditor-eve");
        await steward.SelectOptionAsync("select[name=role]", "auditor");
        await steward.FillAsync("input[name=password]", "another-long-password");
        await steward.ClickAsync("form.editor button[type=submit]");
        await steward.WaitForURLAsync("**/steward/users?added=auditor-eve");

        var auditor = await chromium.NewPageAsync(service.UiAddress);
        await auditor.SignInAsync("auditor-eve", "another-long-password");

        Assert.Contains("/audit", auditor.Url, StringComparison.Ordinal);
        var rows = await auditor.Locator("#audit tbody tr").AllTextContentsAsync();
        Assert.Contains(rows, r => r.Contains("create_reviewer", StringComparison.Ordinal) && r.Contains("user:" + ReviewUiService.Steward, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddUser_ShortPassword_IsRefused()
    {
        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/users");
        await steward.FillAsync("input[name=userName]", "clerk-short");
        await steward.FillAsync("input[name=password]", "short");
        // The browser's own minlength check would stop the form; the server must refuse it as well.
        await steward.EvalOnSelectorAsync("input[name=password]", "e => e.removeAttribute('minlength')");

        await steward.ClickAsync("form.editor button[type=submit]");

        await Microsoft.Playwright.Assertions.Expect(steward.Locator(".alert")).ToContainTextAsync("at least 12 characters");
    }

    [Fact]
    public async Task DisableUser_ClerkSignedIn_TheClerksNextRequestGoesToTheLoginPage()
    {
        var clerk = await chromium.OpenAsync(service, ReviewUiService.SecondClerk, "/queue?size=100");
        var steward = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/users");

        await steward.ClickAsync($"#users tr[data-user='{ReviewUiService.SecondClerk}'] button:has-text('Disable')");

        await Microsoft.Playwright.Assertions.Expect(steward.Locator($"#users tr[data-user='{ReviewUiService.SecondClerk}']")).ToContainTextAsync("disabled");
        await clerk.GotoAsync("/queue?size=100");
        Assert.Contains("/login", clerk.Url, StringComparison.Ordinal);
        await TrySignInAsync(clerk);
        await Microsoft.Playwright.Assertions.Expect(clerk.Locator(".alert")).ToContainTextAsync("wrong password");
    }

    private static async Task TrySignInAsync(Microsoft.Playwright.IPage page)
    {
        await page.FillAsync("input[name=userName]", ReviewUiService.SecondClerk);
        await page.FillAsync("input[name=password]", ReviewUiService.Password);
        await page.ClickAsync("button[type=submit]");
    }
}
