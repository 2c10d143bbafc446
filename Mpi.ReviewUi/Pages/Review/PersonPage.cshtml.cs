using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>A person: golden view, source records, link history; a steward can unlink a record or undo a merge.</summary>
public sealed class PersonPageModel(IPersonDesk desk) : PageModel
{
    private const string ReadReason = "review UI person page";

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public PersonView? Person { get; private set; }
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }
    public bool IsSteward => User.IsInRole(ReviewerRoles.Steward);

    /// <summary>Persons merged into this one (by a steward, or by registration when a new record bridged them) whose latest merge can be undone from here.</summary>
    public IEnumerable<string> MergedHere => Person?.History.Where(h => h.IsMerge && h.ToPersonId == Person.PersonId && h.FromPersonId is not null)
        .Select(h => h.FromPersonId!).Distinct() ?? [];

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellation)
    {
        Notice = done;
        Person = await desk.ReadAsync(Id, User.Actor(), ReadReason, cancellation);
        return Person is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string registry, string localId, long version, string reason, CancellationToken cancellation) =>
        await ChangeAsync(IsSteward ? await desk.UnlinkAsync(registry, localId, version, reason, User.Actor(), cancellation) : null, "unlinked", cancellation);

    public async Task<IActionResult> OnPostUnmergeAsync(string mergedPersonId, long version, string reason, CancellationToken cancellation) =>
        await ChangeAsync(IsSteward ? await desk.UnmergeAsync(mergedPersonId, version, reason, User.Actor(), cancellation) : null, "unmerged", cancellation);

    private async Task<IActionResult> ChangeAsync(DeskResult? result, string done, CancellationToken cancellation)
    {
        if (result is null) return Forbid();
        if (result.Succeeded) return Redirect($"/persons/{Uri.EscapeDataString(Id)}?done={done}");
        Problem = result.Problem == DeskProblem.Stale
            ? "The person changed since you opened the page. Nothing was changed; check the current state and try again."
            : result.Message ?? "The change was refused.";
        Person = await desk.ReadAsync(Id, User.Actor(), ReadReason, cancellation);
        return Person is null ? NotFound() : Page();
    }
}
