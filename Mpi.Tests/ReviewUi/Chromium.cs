using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, shared by the browser tests. Playwright never downloads a
/// browser here: the executable is the distribution's (.ci/run installs it).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(WaitLimit);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// How long a browser step or an assertion may wait. The suite runs CPU-heavy test classes (FEBRL through the
    /// service, learning experiments) beside the browser tests on two cores, where a step that takes a second alone
    /// took over 15 s twice in a day; a wait ends as soon as its condition holds, so only a real failure waits this long.
    /// </summary>
    private const int WaitLimit = 60_000;

    /// <summary>A fresh browser context (its own cookies) on <paramref name="baseUrl"/> with a viewport of the given size.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = width < 600, HasTouch = width < 600,
        });
        context.SetDefaultTimeout(WaitLimit);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
