using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>
/// One review task: the incoming record beside each candidate person, field by field, and the reviewer's answer.
/// An answer carries the version the page showed, so an answer to a task someone else changed meanwhile is refused
/// with a message instead of overwriting theirs.
/// </summary>
public sealed class TaskPageModel(IReviewDesk desk, IReviewerDirectory reviewers) : PageModel
{
    /// <summary>For a steward: the reviewers a task can be assigned to (active clerks and stewards).</summary>
    public IReadOnlyList<string> Assignable { get; private set; } = [];

    public bool IsSteward => User.IsInRole(ReviewerRoles.Steward);

    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public TaskDetail? Detail { get; private set; }
    public string? Problem { get; private set; }
    public bool JustResolved { get; private set; }
    public long? NextTaskId { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool done, CancellationToken cancellation)
    {
        if (!await MayWorkAsync(cancellation)) return Forbid();
        JustResolved = done;
        return await LoadAsync(cancellation) ? Page() : NotFound();
    }

    /// <param name="candidate">The candidate persons the page showed, best first (a merge joins the others into the chosen one).</param>
    public async Task<IActionResult> OnPostAsync(string answer, long version, string? personId, string[] candidate, string? reason,
        CancellationToken cancellation)
    {
        if (!await MayWorkAsync(cancellation)) return Forbid();
        var actor = User.Actor();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DeskResult result;
        switch (answer)
        {
            case "claim":
                result = await desk.ClaimAsync(Id, version, actor, cancellation);
                if (result.Succeeded) return RedirectToPage(new { Id });
                break;
            case "assign" when IsSteward:
                var assignee = Request.Form["assignee"].ToString();
                if (!(await AssignableAsync(cancellation)).Contains(assignee))
                {
                    result = new DeskResult(DeskProblem.Invalid, "Choose a clerk or steward to assign the task to.");
                    break;
                }
                result = await desk.AssignAsync(Id, version, ReviewerRoles.Actor(assignee), reason, actor, cancellation);
                if (result.Succeeded) return RedirectToPage(new { Id });
                break;
            case "release" when IsSteward:
                result = await desk.ReleaseAsync(Id, version, actor, cancellation, mayReleaseAnyClaim: true);
                if (result.Succeeded) return RedirectToPage(new { Id });
                break;
            case "skip":
                // Releases the task when this reviewer holds it; otherwise the queue refuses and nothing changes.
                await desk.ReleaseAsync(Id, version, actor, cancellation);
                var next = await NextAsync(cancellation);
                return next is null ? Redirect("/queue") : Redirect($"/tasks/{next}");
            case "same" or "different" or "merge" when reason is null:
                result = new DeskResult(DeskProblem.Invalid, "Give a reason for your answer: it is kept in the audit trail with it.");
                break;
            case "same" or "merge" when personId is null && candidate.Length != 1:
                // A task with several candidates names the one meant (a guard-held pair shows none chosen): never the first by default.
                result = new DeskResult(DeskProblem.Invalid, "Choose the candidate person this answer is about.");
                break;
            case "same" or "different" or "merge":
                var kind = answer switch { "same" => ReviewAnswer.SamePerson, "merge" => ReviewAnswer.MergePersons, _ => ReviewAnswer.DifferentPerson };
                personId ??= candidate.FirstOrDefault();
                var merged = kind == ReviewAnswer.MergePersons ? candidate.Where(c => c != personId).ToArray() : [];
                result = await desk.ResolveAsync(Id, version, kind, kind == ReviewAnswer.DifferentPerson ? null : personId, merged, reason, actor,
                    await User.RegistriesAsync(reviewers, cancellation), cancellation);
                if (result.Succeeded) return Redirect($"/tasks/{Id}?done=true");
                break;
            default:
                result = new DeskResult(DeskProblem.Invalid, "Choose same person, different person, merge persons or skip.");
                break;
        }
        var found = await LoadAsync(cancellation);
        // An answer sent twice (a double click, a resubmitted form) finds the task resolved by this very reviewer.
        Problem = result.Problem == DeskProblem.AlreadyResolved && Detail?.ClaimedBy == User.Actor()
            ? "You answered this task already; the page shows your answer. Nothing more was changed."
            : TaskMessages.Of(result);
        return found ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        Detail = await desk.GetTaskAsync(Id, User.Actor(), cancellation);
        NextTaskId = await NextAsync(cancellation);
        if (IsSteward) Assignable = await AssignableAsync(cancellation);
        return Detail is not null;
    }

    /// <summary>Active clerks and stewards who may work this task: a clerk assigned registries only when the task's is one of them.</summary>
    private async Task<IReadOnlyList<string>> AssignableAsync(CancellationToken cancellation)
    {
        var registry = await desk.RegistryOfAsync(Id, cancellation);
        return [.. (await reviewers.ListAsync(cancellation))
            .Where(r => r.DisabledAt is null && r.Role is ReviewerRoles.Clerk or ReviewerRoles.Steward && r.Registries.Allows(registry))
            .Select(r => r.UserName).Order(StringComparer.Ordinal)];
    }

    /// <summary>A clerk assigned some registries works only their tasks (an unknown task is the page's NotFound).</summary>
    private async Task<bool> MayWorkAsync(CancellationToken cancellation)
    {
        var registries = await User.RegistriesAsync(reviewers, cancellation);
        return registries is null || await desk.RegistryOfAsync(Id, cancellation) is not { } registry || registries.Allows(registry);
    }

    /// <summary>The oldest open task other than this one (however many older ones others hold).</summary>
    private async Task<long?> NextAsync(CancellationToken cancellation)
    {
        var page = await desk.ListAsync(new QueueQuery(null, null, null, null, PageSize: 2, WithinRegistries: await User.RegistriesAsync(reviewers, cancellation),
            OpenOnly: true), cancellation);
        return page.Items.Where(t => t.TaskId != Id).Select(t => (long?)t.TaskId).FirstOrDefault();
    }
}
