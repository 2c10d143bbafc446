using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>
/// The steward adds UI users (clerks, stewards, auditors; the password is hashed at once and never shown again) and
/// disables them.
/// </summary>
public sealed class UsersModel(IReviewerDirectory directory, ReviewerPasswords passwords) : PageModel
{
    public IReadOnlyList<ReviewerAccount> Users { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Added { get; private set; }

    public async Task OnGetAsync(string? added, CancellationToken cancellation)
    {
        Added = added;
        Users = await directory.ListAsync(cancellation);
    }

    public async Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken cancellation)
    {
        if (userName == User.Identity?.Name) Problem = "You cannot disable yourself.";
        else if (!await directory.DisableAsync(userName, User.Actor(), cancellation)) Problem = "No such active user.";
        else return Redirect("/steward/users");
        Users = await directory.ListAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostRegistriesAsync(string userName, string? registries, CancellationToken cancellation)
    {
        if (!await directory.SetRegistriesAsync(userName, Registries(registries), User.Actor(), cancellation)) Problem = "No such user.";
        else return Redirect("/steward/users");
        Users = await directory.ListAsync(cancellation);
        return Page();
    }

    /// <summary>A comma-separated list of registry codes, or null for every registry.</summary>
    private static IReadOnlyList<string>? Registries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } codes ? codes : null;

    public async Task<IActionResult> OnPostAsync(string userName, string role, string password, string? registries, CancellationToken cancellation)
    {
        userName = (userName ?? "").Trim();
        if (userName.Length is 0 or > 64 || !ReviewerRoles.All.Contains(role))
            Problem = "Give a user name (at most 64 characters) and a role.";
        else if ((password ?? "").Length < ReviewerPasswords.MinimumLength)
            Problem = $"The password must have at least {ReviewerPasswords.MinimumLength} characters.";
        else if (!await directory.CreateAsync(new ReviewerAccount(userName, role, passwords.Hash(password!),
                     Registries: role == ReviewerRoles.Clerk ? Registries(registries) : null), User.Actor(), cancellation))
            Problem = "That user name is taken.";
        else
            return Redirect($"/steward/users?added={Uri.EscapeDataString(userName)}");
        Users = await directory.ListAsync(cancellation);
        return Page();
    }
}
