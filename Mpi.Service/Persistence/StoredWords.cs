using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mpi.Service.Review;

namespace Mpi.Service.Persistence;

/// <summary>
/// How the review queue's enums and lists are written in the store: the words of the first schema ("open",
/// "same_person", "P1,P2"), so no migration was needed when they became types. The only place those words appear;
/// EF applies these converters to queries too, and the hand-written SQL writes through the same functions.
/// </summary>
public static class StoredWords
{
    public static readonly ValueConverter<TaskState, string> TaskStates = new(s => Of(s), w => TaskStateOf(w));

    public static readonly ValueConverter<ReviewResolutionKind, string> Resolutions = new(r => Of(r), w => ResolutionOf(w));

    public static readonly ValueConverter<CandidatePersons, string> Candidates = new(c => Of(c), w => CandidatesOf(w));

    public static readonly ValueComparer<CandidatePersons> CandidatesComparer =
        new((a, b) => a == b, c => c.GetHashCode(), c => new CandidatePersons(c.PersonIds));

    public static string Of(TaskState state) => state switch
    {
        TaskState.Open => "open",
        TaskState.Claimed => "claimed",
        TaskState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TaskState TaskStateOf(string word) => word switch
    {
        "open" => TaskState.Open,
        "claimed" => TaskState.Claimed,
        "resolved" => TaskState.Resolved,
        _ => throw new InvalidDataException($"unknown review task state '{word}'"),
    };

    public static string Of(ReviewResolutionKind resolution) => resolution switch
    {
        ReviewResolutionKind.SamePerson => "same_person",
        ReviewResolutionKind.DifferentPerson => "different_person",
        ReviewResolutionKind.MergePersons => "merge_persons",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, null),
    };

    public static ReviewResolutionKind ResolutionOf(string word) => word switch
    {
        "same_person" => ReviewResolutionKind.SamePerson,
        "different_person" => ReviewResolutionKind.DifferentPerson,
        "merge_persons" => ReviewResolutionKind.MergePersons,
        _ => throw new InvalidDataException($"unknown review resolution '{word}'"),
    };

    public static string Of(CandidatePersons candidates) => string.Join(',', candidates.PersonIds);

    public static CandidatePersons CandidatesOf(string column) => CandidatePersons.Of(column.Split(',', StringSplitOptions.RemoveEmptyEntries));
}
