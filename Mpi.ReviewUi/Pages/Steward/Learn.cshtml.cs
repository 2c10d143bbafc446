using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>
/// "Learn from reviews": trains the learned re-scorer on the reviewers' verdicts, shows how it cross-validated and what
/// it would change, and stores it as an inactive model version. Nothing is activated here: the steward compares and
/// activates it on the model versions page.
/// </summary>
public sealed class LearnModel(IModelDesk desk) : PageModel
{
    public LearningReport? Report { get; private set; }
    public string ActiveVersion { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellation) => ActiveVersion = (await desk.ActiveAsync(cancellation)).Version;

    public async Task OnPostAsync(CancellationToken cancellation)
    {
        Report = await desk.LearnAsync(User.Actor(), cancellation);
        ActiveVersion = Report.BaseVersion;
    }
}
