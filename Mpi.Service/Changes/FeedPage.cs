namespace Mpi.Service.Changes;

/// <summary>
/// Changes the caller may see, in commit order; <see cref="Next"/> is where to resume (past changes the filter
/// skipped), <see cref="Head"/> the position after the newest change when the page was read.
/// </summary>
public sealed record FeedPage(IReadOnlyList<IdentityChange> Changes, FeedPosition Next, FeedPosition Head);
