using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mpi.ReviewUi.Accounts;

namespace Mpi.ReviewUi.Hosting;

/// <summary>
/// Registers the review UI: Razor Pages from this assembly, cookie sign-in (HttpOnly, SameSite=Strict), role
/// policies per folder and anti-forgery on every form. The host registers the desks and the reviewer directory.
/// </summary>
public static class ReviewUiServices
{
    public const string CookieScheme = "mpi-ui";

    public static IServiceCollection AddReviewUi(this IServiceCollection services)
    {
        services.AddOptions<ReviewUiOptions>().BindConfiguration(ReviewUiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewerPasswords>();
        services.AddSingleton<SignInTurns>();
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Review", ReviewerRoles.ReviewPolicy);
            pages.Conventions.AuthorizeFolder("/Steward", ReviewerRoles.StewardPolicy);
            pages.Conventions.AuthorizeFolder("/Audit", ReviewerRoles.AuditPolicy);
            pages.Conventions.AuthorizePage("/Index");
        }).AddApplicationPart(typeof(ReviewUiServices).Assembly);
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure(antiforgery =>
        {
            antiforgery.Cookie.Name = "mpi.ui.af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            // Secure whenever the request came over HTTPS (directly, or through a trusted proxy: ReviewUiOptions.TrustedProxies).
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieScheme).AddCookie(CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<ReviewUiOptions>>((cookie, ui) =>
        {
            cookie.Cookie.Name = "mpi.ui";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(ui.Value.SessionMinutes);
            // Every request re-reads the user and its session, so a disabled user, a changed role or a sign-out takes
            // effect at once, not at expiry.
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var directory = context.HttpContext.RequestServices.GetRequiredService<IReviewerDirectory>();
                var cancellation = context.HttpContext.RequestAborted;
                var name = context.Principal?.Identity?.Name;
                var session = context.Principal?.FindFirst(Pages.LoginModel.SessionClaim)?.Value;
                var account = name is null ? null : await directory.FindAsync(name, cancellation);
                if (account is null || account.DisabledAt is not null || !context.Principal!.IsInRole(account.Role)
                    || session is null || !await directory.IsSessionOpenAsync(session, cancellation))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieScheme);
                }
            };
            // A signed-in user without the role gets a plain 403, not a redirect to a page that would hide the refusal.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(
                    "<!doctype html><title>Not allowed</title><h1>403 — not allowed</h1><p>Your role may not open this page. <a href=\"/\">Back</a></p>");
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewerRoles.ReviewPolicy, p => p.RequireRole(ReviewerRoles.Clerk, ReviewerRoles.Steward))
            .AddPolicy(ReviewerRoles.StewardPolicy, p => p.RequireRole(ReviewerRoles.Steward))
            .AddPolicy(ReviewerRoles.AuditPolicy, p => p.RequireRole(ReviewerRoles.Auditor));
        return services;
    }
}
