using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>A stored model version beside the active one, and activating it (a retrained model, or a roll-back).</summary>
public sealed class CompareModel(IModelDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Version { get; set; } = "";

    public ModelComparison? Comparison { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>How many rescored pairs land in another band under the compared version.</summary>
    public int Moved => Comparison?.Pairs.Count(p => p.CurrentBand != p.CandidateBand) ?? 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Comparison = await desk.CompareAsync(Version, cancellation);
        return Comparison is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string expectedVersion, string? reason, CancellationToken cancellation)
    {
        var result = await desk.ActivateAsync(Version, expectedVersion, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), User.Actor(), cancellation);
        if (result.Succeeded) return Redirect("/steward/versions?saved=true");
        Problem = result.Problem == DeskProblem.Stale
            ? $"Another model version became active while you were comparing ({result.Message}). Nothing was changed."
            : result.Message;
        return await OnGetAsync(cancellation);
    }
}
