using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Mpi.ReviewUi.Hosting;

/// <summary>The UI's middleware and endpoints, answering only on the UI's own port.</summary>
public static class ReviewUiPipeline
{
    /// <summary>Marks the UI's endpoints, so that other ports (gRPC, metrics) do not serve them.</summary>
    private sealed class ReviewUiEndpoint;

    /// <param name="isUiConnection">Whether a request arrived on the UI's port (the host knows its listeners).</param>
    public static WebApplication UseReviewUi(this WebApplication app, Func<HttpContext, bool> isUiConnection)
    {
        // First: behind a trusted proxy that ends TLS, the request is the HTTPS one the browser made (Secure cookies).
        if (TrustedProxies.Of(app.Services.GetRequiredService<IOptions<ReviewUiOptions>>().Value.TrustedProxies) is { } forwarded)
            app.UseWhen(isUiConnection, ui => ui.UseForwardedHeaders(forwarded));
        // Before the static files, which end the pipeline for /assets: a script or style sheet gets the same headers
        // as the pages (nosniff above all, so a file is never run as something other than its type).
        app.Use((context, next) =>
        {
            if (isUiConnection(context)) SecurityHeaders.Apply(context.Response);
            return next(context);
        });
        // Only on the UI's port: the gRPC and metrics ports answer nothing but their own protocol.
        app.UseWhen(isUiConnection, ui => ui.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(ReviewUiPipeline).Assembly, "Mpi.ReviewUi.wwwroot"),
        }));
        app.UseRouting();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ReviewUiEndpoint>() is not null && !isUiConnection(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        // Sign-in and authorisation are the UI's: a gRPC call (its own API-key check) or a metrics scrape does not
        // pay for reading a cookie on every request.
        app.UseWhen(isUiConnection, ui =>
        {
            ui.UseAuthentication();
            ui.UseAuthorization();
        });
        app.MapRazorPages().WithMetadata(new ReviewUiEndpoint());
        return app;
    }
}
