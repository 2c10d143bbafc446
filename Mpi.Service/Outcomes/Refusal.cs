namespace Mpi.Service.Outcomes;

/// <summary>
/// One refusal for every change the core makes (review, steward, model, learning), mapped once for gRPC
/// (Grpc/RefusalStatus) and once for the review UI (Desks/DeskRefusals). The message carries no demographics.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Message)
{
    /// <summary>For <see cref="RefusalKind.Invalid"/>: the request field at fault.</summary>
    public string? Field { get; init; }

    /// <summary>For a stale version or a task refused: the version that is current now.</summary>
    public long? CurrentVersion { get; init; }

    /// <summary>For <see cref="RefusalKind.TaskClaimed"/>, or a release refused as <see cref="RefusalKind.NotAllowed"/>: who holds the task.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The person the refusal is about (not active, or out of the key's scope).</summary>
    public string? PersonId { get; init; }

    /// <summary>For <see cref="RefusalKind.NotAllowed"/>: the registry out of the key's scope, when one was named.</summary>
    public string? Registry { get; init; }

    /// <summary>For <see cref="RefusalKind.Expired"/>: the oldest position still kept (a feed cursor).</summary>
    public string? Oldest { get; init; }

    /// <summary>For <see cref="RefusalKind.MarkedDifferentPerson"/>: the "not the same person" mark in the way.</summary>
    public long? MarkId { get; init; }

    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);

    public static Refusal Stale(string message, long? currentVersion = null) => new(RefusalKind.StaleVersion, message) { CurrentVersion = currentVersion };

    public static Refusal WrongState(string message) => new(RefusalKind.WrongState, message);

    public static Refusal Marked(long markId) =>
        new(RefusalKind.MarkedDifferentPerson, "a record is marked as not the same person as the other person; a steward removes the mark first if it was wrong")
        {
            MarkId = markId,
        };

    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, message) { Field = field };
}
