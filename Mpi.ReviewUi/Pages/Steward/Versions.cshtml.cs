using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>
/// Every model version, newest first: thresholds, who made it, when, from which version, which is active; retraining
/// by EM stores a new version to compare with the active one before activating it.
/// </summary>
public sealed class VersionsModel(IModelDesk desk) : PageModel
{
    public IReadOnlyList<ModelSummary> Versions { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellation)
    {
        Saved = saved;
        Versions = await desk.VersionsAsync(cancellation);
    }

    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken cancellation) =>
        Redirect($"/steward/compare/{Uri.EscapeDataString(await desk.RetrainAsync(User.Actor(), cancellation))}");
}
