namespace Mpi.ReviewUi.Accounts;

/// <summary>The UI's roles and the authorisation policies built on them.</summary>
public static class ReviewerRoles
{
    /// <summary>Registration staff: the review queue, tasks and persons.</summary>
    public const string Clerk = "clerk";
    /// <summary>Data steward: everything a clerk does, plus thresholds, model versions, unlink and unmerge.</summary>
    public const string Steward = "steward";
    /// <summary>Reads the audit trail, changes nothing.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Clerk, Steward, Auditor];

    public const string ReviewPolicy = "review";
    public const string StewardPolicy = "steward";
    public const string AuditPolicy = "audit";

    /// <summary>The actor the audit trail names for a UI user, distinct from API-key callers.</summary>
    public static string Actor(string userName) => $"user:{userName}";
}
