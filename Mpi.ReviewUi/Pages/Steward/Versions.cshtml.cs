using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>Every model version, newest first: thresholds, who made it, when, from which version, which is active.</summary>
public sealed class VersionsModel(IModelDesk desk) : PageModel
{
    public IReadOnlyList<ModelSummary> Versions { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellation)
    {
        Saved = saved;
        Versions = await desk.VersionsAsync(cancellation);
    }
}
