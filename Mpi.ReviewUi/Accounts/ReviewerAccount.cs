namespace Mpi.ReviewUi.Accounts;

/// <summary>
/// A UI user: name, role and password hash (never the password), and for a clerk the registries whose review tasks
/// they work (null: every registry).
/// </summary>
public sealed record ReviewerAccount(string UserName, string Role, string PasswordHash, DateTimeOffset? DisabledAt = null,
    IReadOnlyList<string>? Registries = null);
