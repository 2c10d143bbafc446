using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;

namespace Mpi.ReviewUi.Pages;

/// <summary>The start page by role: the queue for clerks and stewards, the audit trail for auditors.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(User.IsInRole(ReviewerRoles.Auditor) ? "/audit" : "/queue");
}
