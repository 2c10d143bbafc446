using System.Security.Claims;
using Mpi.ReviewUi.Accounts;

namespace Mpi.ReviewUi.Pages;

/// <summary>The signed-in user as the audit trail names them.</summary>
public static class UiUser
{
    public static string Actor(this ClaimsPrincipal user) =>
        ReviewerRoles.Actor(user.Identity?.Name ?? throw new InvalidOperationException("the page requires a signed-in user"));
}
