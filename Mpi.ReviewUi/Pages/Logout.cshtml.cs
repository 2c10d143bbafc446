using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Hosting;

namespace Mpi.ReviewUi.Pages;

/// <summary>Signs out (POST only, with the anti-forgery token the layout's form carries).</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ReviewUiServices.CookieScheme);
        return Redirect("/login");
    }
}
