namespace Mpi.ReviewUi.Desks;

/// <summary>Which tasks the queue shows: open and claimed ones, oldest first, narrowed by the filters set.</summary>
/// <param name="MinProbability">Lower bound of the score band, inclusive.</param>
/// <param name="MaxProbability">Upper bound of the score band, exclusive.</param>
/// <param name="OlderThan">Only tasks waiting at least this long.</param>
/// <param name="AfterTaskId">The page after this task (0: from the oldest); task ids grow with age, so a page stays put while tasks come and go.</param>
/// <param name="WithinRegistries">A clerk's assigned registries: only their tasks (null: every registry).</param>
/// <param name="OpenOnly">Only tasks nobody holds (the next task to work), not the claimed ones too.</param>
public sealed record QueueQuery(string? Registry, double? MinProbability, double? MaxProbability, TimeSpan? OlderThan, int PageSize = 100,
    long AfterTaskId = 0, IReadOnlyCollection<string>? WithinRegistries = null, bool OpenOnly = false);

/// <summary>One row of the queue: keys, score, state and why the task is there (in words), no demographics.</summary>
public sealed record QueueItem(long TaskId, QueueTaskState State, string Registry, string LocalId, double Probability, int CandidateCount,
    string? ClaimedBy, DateTimeOffset CreatedAt, long Version, string Why = "");

/// <summary>
/// A page of the queue, the number of tasks per state (over the whole queue, not the filter), and where the next page
/// starts (null on the last one).
/// </summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int MatchingTotal, int Open, int Claimed, int Resolved, long? NextAfterTaskId = null);
