using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Mpi.ReviewUi.Desks;
using Mpi.ReviewUi.Hosting;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>
/// The threshold editor: the active thresholds, a live preview drawn in the browser from recent match scores and the
/// reviewers' past answers, and saving, which makes a new audited model version derived from the active one.
/// </summary>
public sealed class ThresholdsModel(IModelDesk desk, IOptions<ReviewUiOptions> options) : PageModel
{
    public ModelSummary Active { get; private set; } = null!;
    public ThresholdPreviewData Preview { get; private set; } = new([], []);
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(string expectedVersion, double review, double autoLink, string? reason, CancellationToken cancellation)
    {
        var result = await desk.UpdateThresholdsAsync(expectedVersion, autoLink, review, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            User.Actor(), cancellation);
        if (result.Succeeded) return Redirect("/steward/versions?saved=true");
        Problem = result.Problem == DeskProblem.Stale
            ? $"Another model version became active while you were editing ({result.Message}). Nothing was saved; review the preview again."
            : result.Message;
        await LoadAsync(cancellation);
        return Page();
    }

    /// <summary>The preview's data as JSON: scores and (probability, same person) pairs only, no record or person.</summary>
    public string PreviewJson() => System.Text.Json.JsonSerializer.Serialize(new
    {
        scores = Preview.RecentScores.Select(s => Math.Round(s, 4)),
        reviewed = Preview.Reviewed.Select(r => new object[] { Math.Round(r.Probability, 4), r.SamePerson ? 1 : 0 }),
        review = Active.Review,
        autoLink = Active.AutoLink,
    });

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Active = await desk.ActiveAsync(cancellation);
        Preview = await desk.PreviewDataAsync(options.Value.PreviewScores, cancellation);
    }
}
