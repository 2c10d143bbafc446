using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>
/// Person search for clerks: by registry and local id, by identifier, or by name with date of birth; every search is
/// audited with the reason given (a search reads patients), so the reason is required. Posted, never a query string:
/// names and dates of birth in a URL end up in browser history and request logs.
/// </summary>
public sealed class SearchModel(ISearchDesk desk, IReviewerDirectory reviewers) : PageModel
{
    [BindProperty] public string? Registry { get; set; }
    [BindProperty] public string? LocalId { get; set; }
    [BindProperty] public string? IdentifierType { get; set; }
    [BindProperty] public string? IdentifierAuthority { get; set; }
    [BindProperty] public string? IdentifierValue { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Null until a search ran.</summary>
    public SearchResult? Result { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var asked = new[] { Registry, LocalId, IdentifierValue, FamilyName, BirthDate }.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!asked) return Page();
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > 200)
        {
            Problem = "Say why you are searching (1 to 200 characters): every search is recorded in the audit trail with its reason.";
            return Page();
        }
        Result = await desk.SearchAsync(new PersonQuery(Registry, LocalId, IdentifierType, IdentifierAuthority, IdentifierValue, GivenName, FamilyName, BirthDate),
            Reason.Trim(), User.Actor(), await User.RegistriesAsync(reviewers, cancellation), cancellation);
        Problem = Result.Problem;
        return Page();
    }
}
