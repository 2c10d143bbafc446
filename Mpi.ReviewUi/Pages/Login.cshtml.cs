using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Hosting;

namespace Mpi.ReviewUi.Pages;

/// <summary>
/// Password sign-in against the reviewer directory; every attempt is audited, and a user name with too many refused
/// attempts lately is locked out for a while, whatever the password.
/// </summary>
public sealed class LoginModel(IReviewerDirectory directory, ReviewerPasswords passwords, IOptions<ReviewUiOptions> options, TimeProvider time)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? UserName { get; private set; }

    public bool Failed { get; private set; }

    public bool LockedOut { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string userName, string password, CancellationToken cancellation)
    {
        UserName = userName;
        var lockout = options.Value;
        LockedOut = await directory.RefusedSignInsSinceAsync(userName, time.GetUtcNow().AddMinutes(-lockout.LockoutMinutes), cancellation)
            >= lockout.MaxRefusedSignIns;
        var account = LockedOut ? null : await directory.FindAsync(userName, cancellation);
        var succeeded = account is not null && passwords.Verify(account, password);
        await directory.RecordSignInAsync(userName, succeeded, cancellation);
        if (!succeeded)
        {
            Failed = !LockedOut;
            return Page();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account!.UserName), new Claim(ClaimTypes.Role, account.Role)], ReviewUiServices.CookieScheme);
        await HttpContext.SignInAsync(ReviewUiServices.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
