using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Hosting;

namespace Mpi.ReviewUi.Pages;

/// <summary>
/// Signs out (POST only, with the anti-forgery token the layout's form carries): the session ends in the database, so
/// the cookie is refused from now on even where a copy of it survives.
/// </summary>
public sealed class LogoutModel(IReviewerDirectory directory) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (User.FindFirst(LoginModel.SessionClaim)?.Value is { } session) await directory.EndSessionAsync(session, cancellation);
        await HttpContext.SignOutAsync(ReviewUiServices.CookieScheme);
        return Redirect("/login");
    }
}
