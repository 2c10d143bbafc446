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

    /// <param name="reviewMoved">Whether the steward moved the review slider: one left alone keeps the active threshold exactly.</param>
    public async Task<IActionResult> OnPostAsync(string expectedVersion, string review, string autoLink, bool reviewMoved, bool autoLinkMoved,
        string? reason, CancellationToken cancellation)
    {
        var result = await desk.UpdateThresholdsAsync(expectedVersion, autoLinkMoved ? Number(autoLink) : null, reviewMoved ? Number(review) : null,
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), User.Actor(), cancellation);
        if (result.Succeeded) return Redirect("/steward/versions?saved=true");
        Problem = result.Problem == DeskProblem.Stale
            ? $"Another model version became active while you were editing ({result.Message}). Nothing was saved; review the preview again."
            : result.Message;
        await LoadAsync(cancellation);
        return Page();
    }

    /// <summary>
    /// The preview's data as JSON: each recent decision as [probability, trait bits] (the bits named once, here, for the
    /// script), reviewed (probability, same person) pairs and the thresholds; no record or person.
    /// </summary>
    public string PreviewJson() => System.Text.Json.JsonSerializer.Serialize(new
    {
        bits = Bits,
        decisions = Preview.Recent.Select(d => new object[] { Math.Round(d.Probability, 4), BitsOf(d) }),
        reviewed = Preview.Reviewed.Select(r => new object[] { Math.Round(r.Probability, 4), r.SamePerson ? 1 : 0 }),
        review = Active.Review,
        autoLink = Active.AutoLink,
        openTasks = Preview.OpenTasks,
    });

    /// <summary>A threshold as the page shows it: two decimals, or four when it has more.</summary>
    public static string Shown(double threshold) =>
        threshold.ToString(Math.Abs(threshold * 100 - Math.Round(threshold * 100)) < 1e-9 ? "0.00" : "0.0000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A threshold where a slider can stand (hundredths, 0.01 to 0.99): what the browser posts when it is not moved.</summary>
    public static string Slider(double threshold) =>
        Math.Clamp(Math.Round(threshold, 2), 0.01, 0.99).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A posted threshold; NaN when it is no number (refused). A slider not moved is not read: a saved review change had quietly made an auto-link of 0.9995 one of 0.99.</summary>
    private static double Number(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private static readonly Dictionary<string, int> Bits = new()
    {
        ["rule"] = 1, ["guarded"] = 2, ["ambiguous"] = 4, ["learnedLink"] = 8, ["learnedNew"] = 16, ["mergeQuestion"] = 32, ["qualitySampled"] = 64,
        ["bridged"] = 128,
    };

    private static int BitsOf(RecentDecision d) =>
        (d.Rule ? Bits["rule"] : 0) | (d.Guarded ? Bits["guarded"] : 0) | (d.Ambiguous ? Bits["ambiguous"] : 0)
        | (d.Learned == LearnedVerdict.Link ? Bits["learnedLink"] : 0) | (d.Learned == LearnedVerdict.New ? Bits["learnedNew"] : 0)
        | (d.MergeQuestion ? Bits["mergeQuestion"] : 0) | (d.QualitySampled ? Bits["qualitySampled"] : 0) | (d.Bridged ? Bits["bridged"] : 0);

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Active = await desk.ActiveAsync(cancellation);
        Preview = await desk.PreviewDataAsync(options.Value.PreviewScores, cancellation);
    }
}
