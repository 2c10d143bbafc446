using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Mpi.ReviewUi.Hosting;

/// <summary>
/// <see cref="ReviewUiOptions.TrustedProxies"/> as ASP.NET Core's forwarded-headers settings: only these addresses'
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed (the framework's default trusts loopback; here
/// nothing is trusted unless named).
/// </summary>
public static class TrustedProxies
{
    /// <summary>The settings, or null when no proxy is named (forwarded headers are then ignored).</summary>
    public static ForwardedHeadersOptions? Of(IReadOnlyList<string> proxies)
    {
        if (proxies.Count == 0) return null;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (proxy.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(proxy, out var network)) options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
            else throw new OptionsValidationException(ReviewUiOptions.Section, typeof(ReviewUiOptions),
                [$"{ReviewUiOptions.Section}:TrustedProxies: '{proxy}' is neither an IP address nor a CIDR range"]);
        }
        return options;
    }
}
