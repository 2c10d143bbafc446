using Microsoft.AspNetCore.Http;

namespace Mpi.ReviewUi.Hosting;

/// <summary>
/// Headers on every UI response: no framing (clickjacking of the answer buttons), scripts and styles from the UI
/// itself only, no MIME sniffing, no referrer (URLs hold person ids) leaving the site.
/// </summary>
public static class SecurityHeaders
{
    // Inline style attributes draw the score and weight bars; no inline script is allowed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.XFrameOptions = "DENY";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
