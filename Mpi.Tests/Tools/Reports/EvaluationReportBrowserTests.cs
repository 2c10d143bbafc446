using Microsoft.Playwright;
using Mpi.Tests.ReviewUi;

namespace Mpi.Tests.Tools.Reports;

/// <summary>The FEBRL1 evaluation report opened from disk in Chromium with the network cut off: it must draw all the same.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationReportBrowserTests(Chromium chromium)
{
    [Fact]
    public async Task Open_Febrl1ReportOffline_DrawsBothChartsWithoutErrorsOrRequests()
    {
        var report = Febrl1Reports.Masked.File;
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Offline = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var requests = new List<string>();
        // Anything but the file itself is recorded and refused, so a stray fetch fails the test rather than a chart.
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                lock (requests) requests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add(message.Text); };
        page.PageError += (_, error) => { lock (problems) problems.Add(error); };
        page.RequestFailed += (_, request) => { lock (problems) problems.Add("request failed: " + request.Url); };

        await page.GotoAsync(new Uri(report.FullName).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-charts-rendered=true]");

        foreach (var id in new[] { "histogram", "precision-recall" })
        {
            var drawn = await page.EvaluateAsync<int>($$"""
                (() => {
                  const canvas = document.getElementById('{{id}}');
                  const chart = Chart.getChart(canvas);
                  if (!chart || canvas.width === 0 || canvas.height === 0) return -1;
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let painted = 0;
                  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
                  return painted;
                })()
                """);
            Assert.True(drawn > 1000, $"{id}: {drawn} painted pixels");
        }
        Assert.Empty(problems);
        Assert.Empty(requests);
        await Screenshots.SaveAsync(page, "evaluation-report");
    }
}
