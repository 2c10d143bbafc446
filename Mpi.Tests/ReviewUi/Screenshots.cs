using Microsoft.Playwright;

namespace Mpi.Tests.ReviewUi;

/// <summary>Screenshots the README shows, written by the tests into docs/screenshots of the working tree.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
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
