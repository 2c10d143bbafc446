namespace Mpi.ReviewUi.Accounts;

/// <summary>A UI user: name, role and password hash (never the password).</summary>
public sealed record ReviewerAccount(string UserName, string Role, string PasswordHash, DateTimeOffset? DisabledAt = null);
