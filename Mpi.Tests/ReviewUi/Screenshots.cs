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
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mpi.sln"))) return dir.FullName;
        throw new InvalidOperationException("the tests do not run inside the repository");
    }
}
