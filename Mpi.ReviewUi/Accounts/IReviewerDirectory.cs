namespace Mpi.ReviewUi.Accounts;

/// <summary>Where UI users are kept (the service's database); sign-ins are audited.</summary>
public interface IReviewerDirectory
{
    Task<ReviewerAccount?> FindAsync(string userName, CancellationToken cancellation);

    Task<bool> AnyAsync(CancellationToken cancellation);

    Task<IReadOnlyList<ReviewerAccount>> ListAsync(CancellationToken cancellation);

    /// <summary>Adds a user; false when the name is taken. Audited as <paramref name="actor"/>.</summary>
    Task<bool> CreateAsync(ReviewerAccount account, string actor, CancellationToken cancellation);

    /// <summary>Disables a user: no more sign-ins, and open sessions end at their next request. Audited as <paramref name="actor"/>.</summary>
    Task<bool> DisableAsync(string userName, string actor, CancellationToken cancellation);

    /// <summary>Sets the registries a clerk works (null: every registry). Audited as <paramref name="actor"/>; false for an unknown user.</summary>
    Task<bool> SetRegistriesAsync(string userName, IReadOnlyList<string>? registries, string actor, CancellationToken cancellation);

    /// <summary>The queue view the user last chose (a query string), or null.</summary>
    Task<string?> QueueFilterAsync(string userName, CancellationToken cancellation);

    Task SaveQueueFilterAsync(string userName, string? queryString, CancellationToken cancellation);

    /// <summary>Writes a sign-in (or a refused one) to the audit trail.</summary>
    Task RecordSignInAsync(string userName, bool succeeded, CancellationToken cancellation);

    /// <summary>How many sign-ins as <paramref name="userName"/> were refused since <paramref name="since"/>.</summary>
    Task<int> RefusedSignInsSinceAsync(string userName, DateTimeOffset since, CancellationToken cancellation);

    /// <summary>Opens a sign-in session for <paramref name="userName"/> and returns its random id (what the cookie carries).</summary>
    Task<string> StartSessionAsync(string userName, CancellationToken cancellation);

    /// <summary>Ends a session: a cookie carrying its id is refused from now on, wherever it was copied to.</summary>
    Task EndSessionAsync(string sessionId, CancellationToken cancellation);

    /// <summary>True while the session is open (started and not signed out).</summary>
    Task<bool> IsSessionOpenAsync(string sessionId, CancellationToken cancellation);
}
