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
public sealed class LoginModel(IReviewerDirectory directory, ReviewerPasswords passwords, SignInTurns turns, IOptions<ReviewUiOptions> options,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? UserName { get; private set; }

    public bool Failed { get; private set; }

    public bool LockedOut { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The longest user name there can be (the reviewer table's bound): longer input is refused before anything is stored.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>The claim that carries the sign-in session's id (<see cref="IReviewerDirectory.StartSessionAsync"/>).</summary>
    public const string SessionClaim = "mpi.session";

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, CancellationToken cancellation)
    {
        userName ??= "";
        password ??= "";
        if (userName.Length > MaxUserNameLength || password.Length > ReviewerPasswords.MaximumLength)
        {
            // Not a user anybody has: refused without a trace in the audit table, which a caller could otherwise fill.
            Failed = true;
            return Page();
        }
        UserName = userName;
        ReviewerAccount? account;
        bool succeeded;
        using (await turns.EnterAsync(userName, cancellation))
        {
            var lockout = options.Value;
            LockedOut = await directory.RefusedSignInsSinceAsync(userName, time.GetUtcNow().AddMinutes(-lockout.LockoutMinutes), cancellation)
                >= lockout.MaxRefusedSignIns;
            account = LockedOut ? null : await directory.FindAsync(userName, cancellation);
            succeeded = passwords.VerifyOrSpend(account, password) && !LockedOut;
            await directory.RecordSignInAsync(userName, succeeded, cancellation);
        }
        if (!succeeded)
        {
            Failed = !LockedOut;
            return Page();
        }
        var session = await directory.StartSessionAsync(account!.UserName, cancellation);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role), new Claim(SessionClaim, session)],
            ReviewUiServices.CookieScheme);
        await HttpContext.SignInAsync(ReviewUiServices.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
