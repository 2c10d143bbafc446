using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Audit;

/// <summary>The audit trail for auditors, read-only: every decision and every read of a person, filterable.</summary>
public sealed class IndexModel(IAuditTrail trail) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    /// <summary>The actions to offer as filters.</summary>
    public IReadOnlyList<string> Actions => trail.Actions;

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Rows = await trail.ListAsync(new AuditQuery(Actor?.Trim(), Action?.Trim(), Subject?.Trim(), Day(From), Day(To?.AddDays(1))), cancellation);

    private static DateTimeOffset? Day(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
