using System.Net;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// The UI's scripts and style sheets (/assets) carry the security headers its pages carry (issue: hardening):
/// no sniffing, no framing, the same content policy and referrer policy. Real server, real HTTP.
/// </summary>
public sealed class AssetHeadersTests(ReviewUiService service) : IClassFixture<ReviewUiService>
{
    private static readonly string[] SecurityHeaderNames = ["X-Frame-Options", "X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy"];

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(service.UiAddress) };

    private static Dictionary<string, string> SecurityHeadersOf(HttpResponseMessage response) =>
        SecurityHeaderNames.ToDictionary(name => name, name =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "");

    private async Task<Dictionary<string, string>> PageHeadersAsync()
    {
        using var http = Client();
        using var page = await http.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var headers = SecurityHeadersOf(page);
        Assert.All(headers, h => Assert.NotEmpty(h.Value));
        return headers;
    }

    [Theory]
    [InlineData("/assets/task.js")]
    [InlineData("/assets/ui.css")]
    public async Task GetAsset_OnTheUiPort_HasThePagesSecurityHeaders(string path)
    {
        var expected = await PageHeadersAsync();
        using var http = Client();

        using var asset = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(expected, SecurityHeadersOf(asset));
    }

    [Fact]
    public async Task GetAsset_NotModified_StillHasThePagesSecurityHeaders()
    {
        var expected = await PageHeadersAsync();
        using var http = Client();
        using var first = await http.GetAsync("/assets/task.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/task.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag ?? throw new InvalidOperationException("the asset has no ETag"));

        using var notModified = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(expected, SecurityHeadersOf(notModified));
    }

    [Fact]
    public async Task GetAsset_OnTheMetricsPort_IsNotFound()
    {
        using var http = new HttpClient { BaseAddress = new Uri(service.MetricsAddress) };

        using var asset = await http.GetAsync("/assets/ui.css");

        // The metrics port answers metrics only; the UI's files are the UI port's.
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }
}
