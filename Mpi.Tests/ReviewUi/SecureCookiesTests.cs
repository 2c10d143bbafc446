namespace Mpi.Tests.ReviewUi;

/// <summary>The review UI behind a reverse proxy on this host that ends TLS (<c>Mpi:ReviewUi:TrustedProxies</c>, as a range).</summary>
public sealed class BehindTlsUiService : ReviewUiService
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:ReviewUi:TrustedProxies:0", "127.0.0.0/8")];
}

/// <summary>The review UI trusting another host's proxy: loopback (which ASP.NET trusts by default) is then not trusted.</summary>
public sealed class OtherProxyUiService : ReviewUiService
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:ReviewUi:TrustedProxies:0", "10.0.4.7")];
}

/// <summary>A request claiming HTTPS from an address that is not the named proxy is plain HTTP here.</summary>
public sealed class UntrustedForwardingTests(OtherProxyUiService service) : IClassFixture<OtherProxyUiService>
{
    [Fact]
    public Task ForwardedHeaders_FromAnAddressThatIsNotTheNamedProxy_AreIgnored() => SecureCookiesTests.AssertHttpsClaimIgnoredAsync(service.UiAddress);
}

/// <summary>
/// Behind a proxy that ends TLS the service sees plain HTTP, so cookies "as the request" had never been Secure. With the
/// proxy trusted, a request it forwarded from HTTPS is HTTPS here: the sign-in and anti-forgery cookies are Secure, and
/// a browser never sends them over plain HTTP. Read from the wire with a plain HTTP client, as the proxy would.
/// </summary>
public sealed class SecureCookiesTests(BehindTlsUiService service) : IClassFixture<BehindTlsUiService>
{
    /// <summary>The Set-Cookie headers of a sign-in as the proxy forwards it, with or without X-Forwarded-Proto.</summary>
    internal static async Task<(string Antiforgery, string? Session)> SignInAsync(string uiAddress, string? forwardedProto)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(uiAddress) };
        using var form = new HttpRequestMessage(HttpMethod.Get, "/login");
        if (forwardedProto is not null) form.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var login = await http.SendAsync(form);
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mpi.ui.af=", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = ReviewUiService.Clerk, ["password"] = ReviewUiService.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        if (forwardedProto is not null) signIn.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var signedIn = await http.SendAsync(signIn);
        var session = signedIn.Headers.TryGetValues("Set-Cookie", out var set) ? set.SingleOrDefault(c => c.StartsWith("mpi.ui=", StringComparison.Ordinal)) : null;
        return (antiforgery, session);
    }

    /// <summary>A sign-in claiming (X-Forwarded-Proto) to have come over HTTPS gets cookies as plain HTTP's: the claim is not believed.</summary>
    internal static async Task AssertHttpsClaimIgnoredAsync(string uiAddress)
    {
        var (antiforgery, session) = await SignInAsync(uiAddress, "https");

        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(session);
        Assert.DoesNotContain("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARequestTheTrustedProxyForwardedFromHttps_GetsSecureCookies()
    {
        var (antiforgery, session) = await SignInAsync(service.UiAddress, "https");

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(session);
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARequestOverPlainHttp_GetsCookiesAsTheRequest()
    {
        var (antiforgery, session) = await SignInAsync(service.UiAddress, null);

        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", session ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(session);
    }
}
