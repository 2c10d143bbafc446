using System.Security.Claims;
using Mpi.ReviewUi.Accounts;

namespace Mpi.ReviewUi.Pages;

/// <summary>
/// The registries whose review tasks the signed-in user works: a clerk's assigned ones, read at each request (a
/// steward's change applies at once); null for stewards and unrestricted clerks.
/// </summary>
public static class ReviewerScope
{
    public static async Task<IReadOnlyList<string>?> RegistriesAsync(this ClaimsPrincipal user, IReviewerDirectory directory, CancellationToken cancellation)
    {
        if (user.IsInRole(ReviewerRoles.Steward) || user.Identity?.Name is not { } name) return null;
        return (await directory.FindAsync(name, cancellation))?.Registries;
    }

    /// <summary>Whether a task of <paramref name="registry"/> is the user's to see and work.</summary>
    public static bool Allows(this IReadOnlyList<string>? registries, string? registry) => registries is null || (registry is not null && registries.Contains(registry));
}
