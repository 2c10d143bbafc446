using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>
/// The review queue: open and claimed tasks oldest first, filters, counts per state, claim and release. A clerk sees
/// the tasks of the registries they are assigned; the filters a user chose come back when they open the queue again.
/// </summary>
public sealed class QueueModel(IReviewDesk desk, IReviewerDirectory reviewers, TimeProvider time) : PageModel
{
    /// <summary>The query keys that make a view (remembered per user); paging is not remembered.</summary>
    private static readonly string[] ViewKeys = ["registry", "band", "age", "size"];

    /// <summary>Score bands a reviewer can narrow the queue to (lower bound inclusive).</summary>
    public static readonly IReadOnlyList<(string Key, string Label, double Min, double Max)> Bands =
        [("low", "below 0.30", 0, 0.3), ("middle", "0.30 – 0.60", 0.3, 0.6), ("high", "0.60 and above", 0.6, 1)];

    /// <summary>Waiting-time filters.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, TimeSpan Age)> Ages =
        [("1h", "waiting 1 hour or more", TimeSpan.FromHours(1)), ("1d", "waiting 1 day or more", TimeSpan.FromDays(1)),
            ("7d", "waiting 7 days or more", TimeSpan.FromDays(7))];

    [BindProperty(SupportsGet = true)] public string? Registry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Band { get; set; }
    [BindProperty(SupportsGet = true)] public string? Age { get; set; }
    /// <summary>The page after this task id (0: the oldest page).</summary>
    [BindProperty(SupportsGet = true)] public long After { get; set; }
    /// <summary>Tasks per page: the form offers <see cref="PageSizes"/>; a link may ask for any size up to the largest.</summary>
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = DefaultPageSize;

    public const int DefaultPageSize = 100;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, DefaultPageSize, 200];

    public QueuePage Queue { get; private set; } = new([], 0, 0, 0, 0);
    public string? Problem { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var name = User.Identity!.Name!;
        var chosen = ViewKeys.Where(k => Request.Query.ContainsKey(k)).ToArray();
        if (chosen.Length == 0 && !Request.Query.ContainsKey("after"))
        {
            if (await reviewers.QueueFilterAsync(name, cancellation) is { Length: > 0 } saved) return Redirect($"/queue?{saved}");
        }
        else if (chosen.Length > 0)
        {
            var view = string.Join('&', chosen.Select(k => $"{k}={Uri.EscapeDataString(Request.Query[k].ToString())}"));
            await reviewers.SaveQueueFilterAsync(name, view, cancellation);
        }
        await LoadAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(long taskId, long version, CancellationToken cancellation)
    {
        // The queue lists a clerk only their registries' tasks; a claim posted for another's is refused as the task page refuses it.
        if (await desk.RegistryOfAsync(taskId, cancellation) is { } registry && !(await User.RegistriesAsync(reviewers, cancellation)).Allows(registry))
            return Forbid();
        return await ChangeAsync(await desk.ClaimAsync(taskId, version, User.Actor(), cancellation), cancellation);
    }

    public async Task<IActionResult> OnPostReleaseAsync(long taskId, long version, CancellationToken cancellation) =>
        await ChangeAsync(await desk.ReleaseAsync(taskId, version, User.Actor(), cancellation, mayReleaseAnyClaim: User.IsInRole(ReviewerRoles.Steward)),
            cancellation);

    /// <summary>
    /// The view's filters and page size, on the page after <paramref name="after"/> (0: the oldest): what the page
    /// links carry, and what a claim or release carries back, so that the clerk stays on the same view.
    /// </summary>
    public Dictionary<string, string> ViewState(long after)
    {
        var state = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Registry)) state["registry"] = Registry;
        if (!string.IsNullOrEmpty(Band)) state["band"] = Band;
        if (!string.IsNullOrEmpty(Age)) state["age"] = Age;
        state["size"] = Size.ToString(CultureInfo.InvariantCulture);
        if (after > 0) state["after"] = after.ToString(CultureInfo.InvariantCulture);
        return state;
    }

    /// <summary>Shows a waiting time as the largest whole unit.</summary>
    public string Waiting(DateTimeOffset since)
    {
        var age = Now - since;
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays} d" : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h" : $"{Math.Max(0, (int)age.TotalMinutes)} min";
    }

    private async Task<IActionResult> ChangeAsync(DeskResult result, CancellationToken cancellation)
    {
        if (result.Succeeded) return RedirectToPage(ViewState(After));
        Problem = TaskMessages.Of(result);
        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Now = time.GetUtcNow();
        var band = Bands.FirstOrDefault(b => b.Key == Band);
        var age = Ages.FirstOrDefault(a => a.Key == Age);
        if (Size < 1 || Size > PageSizes[^1]) Size = DefaultPageSize;
        Queue = await desk.ListAsync(new QueueQuery(string.IsNullOrWhiteSpace(Registry) ? null : Registry.Trim(),
            band.Key is null ? null : band.Min, band.Key is null ? null : band.Max, age.Key is null ? null : age.Age, Size, Math.Max(0, After),
            await User.RegistriesAsync(reviewers, cancellation)), cancellation);
    }
}
