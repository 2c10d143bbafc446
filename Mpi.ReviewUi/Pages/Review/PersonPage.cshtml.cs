using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>
/// A person: golden view, source records, link history and the "not the same person" marks; a steward can move a record
/// to another person, merge another person into this one, unlink a record, undo a merge and remove a mark.
/// </summary>
public sealed class PersonPageModel(IPersonDesk desk, IReviewerDirectory reviewers) : PageModel
{
    private const string ReadReason = "review UI person page";

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public PersonView? Person { get; private set; }
    public IReadOnlyList<MarkRow> Marks { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }
    public bool IsSteward => User.IsInRole(ReviewerRoles.Steward);

    /// <summary>
    /// Persons merged into this one (by a steward, or by registration when a new record bridged them) whose latest merge
    /// still stands and can be undone from here: one unmerged since is not offered again.
    /// </summary>
    public IEnumerable<string> MergedHere => Person is not { } person ? [] : person.History
        .Where(h => h.IsMerge && h.ToPersonId == person.PersonId && h.FromPersonId is not null).Select(h => h.FromPersonId!).Distinct()
        .Where(merged => person.History.Where(h => (h.IsMerge && h.FromPersonId == merged && h.ToPersonId == person.PersonId)
                || (h.IsUnmerge && h.FromPersonId == person.PersonId && h.ToPersonId == merged))
            .MaxBy(h => h.EventId) is { IsMerge: true });

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellation)
    {
        Notice = done;
        return await ShowAsync(cancellation);
    }

    /// <param name="record">The record as the form names it: <c>registry|local id</c> (a registry code holds no '|').</param>
    public async Task<IActionResult> OnPostLinkAsync(string? record, long version, string? toPersonId, string? reason, CancellationToken cancellation)
    {
        if (!IsSteward) return Forbid();
        var cut = record?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (cut <= 0) return await RefusedAsync("Choose the record to move.", cancellation);
        if (string.IsNullOrWhiteSpace(toPersonId)) return await RefusedAsync("Give the id of the person to move the record to.", cancellation);
        return await ChangeAsync(await desk.LinkAsync(record![..cut], record[(cut + 1)..], version, toPersonId.Trim(), reason ?? "", User.Actor(), cancellation),
            "linked", cancellation);
    }

    public async Task<IActionResult> OnPostMergeAsync(string? mergedPersonId, long version, string? reason, CancellationToken cancellation)
    {
        if (!IsSteward) return Forbid();
        if (string.IsNullOrWhiteSpace(mergedPersonId)) return await RefusedAsync("Give the id of the person to merge into this one.", cancellation);
        return await ChangeAsync(await desk.MergeIntoAsync(Id, version, mergedPersonId.Trim(), reason ?? "", User.Actor(), cancellation), "merged", cancellation);
    }

    public async Task<IActionResult> OnPostRemoveMarkAsync(long markId, string? reason, CancellationToken cancellation) =>
        await ChangeAsync(IsSteward ? await desk.RemoveMarkAsync(markId, reason ?? "", User.Actor(), cancellation) : null, "mark removed", cancellation);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellation)
    {
        // A clerk assigned registries sees a person only with a record there, and only those records, as a key of those registries would.
        var registries = await User.RegistriesAsync(reviewers, cancellation);
        Person = await desk.ReadAsync(Id, User.Actor(), ReadReason, registries, cancellation);
        if (Person is null) return NotFound();
        Marks = await desk.MarksAsync(Id, registries, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string? registry, string? localId, long version, string? reason, CancellationToken cancellation)
    {
        if (!IsSteward) return Forbid();
        if (string.IsNullOrWhiteSpace(registry) || string.IsNullOrWhiteSpace(localId)) return await RefusedAsync("Choose the record to unlink.", cancellation);
        return await ChangeAsync(await desk.UnlinkAsync(registry, localId, version, reason ?? "", User.Actor(), cancellation), "unlinked", cancellation);
    }

    public async Task<IActionResult> OnPostUnmergeAsync(string? mergedPersonId, long version, string? reason, CancellationToken cancellation)
    {
        if (!IsSteward) return Forbid();
        if (string.IsNullOrWhiteSpace(mergedPersonId)) return await RefusedAsync("Choose the merge to undo.", cancellation);
        return await ChangeAsync(await desk.UnmergeAsync(mergedPersonId, version, reason ?? "", User.Actor(), cancellation), "unmerged", cancellation);
    }

    /// <summary>A form that names nothing to change (posted by hand, or a field emptied): said on the page, nothing changed.</summary>
    private async Task<IActionResult> RefusedAsync(string problem, CancellationToken cancellation)
    {
        Problem = problem;
        return await ShowAsync(cancellation);
    }

    private async Task<IActionResult> ChangeAsync(DeskResult? result, string done, CancellationToken cancellation)
    {
        if (result is null) return Forbid();
        if (result.Succeeded) return Redirect($"/persons/{Uri.EscapeDataString(Id)}?done={done}");
        Problem = result.Problem == DeskProblem.Stale
            ? "The person changed since you opened the page. Nothing was changed; check the current state and try again."
            : result.Message ?? "The change was refused.";
        return await ShowAsync(cancellation);
    }
}
