using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// Screenshots docs/review-ui.md shows, taken by the browser tests. They go to the test output folder, and with
/// MPI_UPDATE_SCREENSHOTS=1 to docs/screenshots of the working tree: an ordinary test run leaves the tree clean.
/// </summary>
public static class Screenshots
{
    public const string UpdateVariable = "MPI_UPDATE_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            ? Path.Combine(RepositoryFolder.Root(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
