using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// How the enums and lists of review tasks, link events and audit rows are written in the store: the words of the first schema
/// ("open", "same_person", "P1,P2", "auto_link"), so no migration was needed when they became types. The only place those words appear;
/// EF applies these converters to queries too, and the hand-written SQL writes through the same functions.
/// </summary>
public static class StoredWords
{
    public static readonly ValueConverter<TaskState, string> TaskStates = new(s => Of(s), w => TaskStateOf(w));

    public static readonly ValueConverter<ReviewResolutionKind, string> Resolutions = new(r => Of(r), w => ResolutionOf(w));

    public static readonly ValueConverter<CandidatePersons, string> Candidates = new(c => Of(c), w => CandidatesOf(w));

    public static readonly ValueConverter<LinkKind, string> LinkKinds = new(k => Of(k), w => LinkKindOf(w));

    public static readonly ValueConverter<AuditAction, string> AuditActions = new(a => Of(a), w => AuditActionOf(w));

    public static readonly ValueConverter<ExceptionState, string> ExceptionStates = new(s => Of(s), w => ExceptionStateOf(w));

    public static readonly ValueConverter<ExceptionResolution, string> ExceptionResolutions = new(r => Of(r), w => ExceptionResolutionOf(w));

    public static readonly ValueConverter<ReviewCauseKind, string> ReviewCauses = new(c => Of(c), w => ReviewCauseOf(w));

    public static readonly ValueConverter<Mpi.Matching.Scoring.GuardReason, string> GuardReasons = new(g => Of(g), w => GuardReasonOf(w));

    public static readonly ValueConverter<MarkOrigin, string> MarkOrigins = new(o => Of(o), w => MarkOriginOf(w));

    public static readonly ValueComparer<CandidatePersons> CandidatesComparer =
        new((a, b) => a == b, c => c.GetHashCode(), c => new CandidatePersons(c.PersonIds));

    // One table per enum: the words are written once, and both directions are read from it.
    private static readonly (TaskState Value, string Word)[] TaskStateWords =
        [(TaskState.Open, "open"), (TaskState.Claimed, "claimed"), (TaskState.Resolved, "resolved")];

    private static readonly (ReviewResolutionKind Value, string Word)[] ResolutionWords =
    [
        (ReviewResolutionKind.SamePerson, "same_person"), (ReviewResolutionKind.DifferentPerson, "different_person"),
        (ReviewResolutionKind.MergePersons, "merge_persons"),
    ];

    private static readonly (LinkKind Value, string Word)[] LinkKindWords =
    [
        (LinkKind.New, "new"), (LinkKind.Updated, "updated"), (LinkKind.RuleLink, "rule_link"), (LinkKind.AutoLink, "auto_link"),
        (LinkKind.ReviewerLink, "reviewer_link"), (LinkKind.StewardLink, "steward_link"), (LinkKind.StewardMerge, "steward_merge"),
        (LinkKind.AutoMerge, "auto_merge"), (LinkKind.Unlink, "unlink"), (LinkKind.Unmerge, "unmerge"), (LinkKind.Deactivated, "deactivated"),
        (LinkKind.Reactivated, "reactivated"),
    ];

    private static readonly (AuditAction Value, string Word)[] AuditActionWords =
    [
        (AuditAction.Register, "register"), (AuditAction.ReadPerson, "read_person"), (AuditAction.Link, "link"), (AuditAction.Unlink, "unlink"),
        (AuditAction.Merge, "merge"), (AuditAction.Unmerge, "unmerge"), (AuditAction.ClaimReview, "claim_review"),
        (AuditAction.ReleaseReview, "release_review"), (AuditAction.ResolveReview, "resolve_review"), (AuditAction.TrainModel, "train_model"),
        (AuditAction.LearnModel, "learn_model"), (AuditAction.ActivateModel, "activate_model"), (AuditAction.CreateReviewer, "create_reviewer"),
        (AuditAction.DisableReviewer, "disable_reviewer"), (AuditAction.SignIn, "sign_in"),
        (AuditAction.ResolveException, "resolve_exception"), (AuditAction.Refused, "refused"),
        (AuditAction.SetReviewerRegistries, "set_reviewer_registries"), (AuditAction.AssignReview, "assign_review"), (AuditAction.ClaimExpired, "claim_expired"), (AuditAction.Deactivate, "deactivate"), (AuditAction.MarkDifferentPerson, "mark_different_person"), (AuditAction.RemoveDifferentPersonMark, "remove_different_person_mark"),
    ];

    private static readonly (ExceptionState Value, string Word)[] ExceptionStateWords = [(ExceptionState.Open, "open"), (ExceptionState.Resolved, "resolved")];

    private static readonly (ExceptionResolution Value, string Word)[] ExceptionResolutionWords =
        [(ExceptionResolution.Resent, "resent"), (ExceptionResolution.ByHand, "by_hand")];

    private static readonly (ReviewCauseKind Value, string Word)[] ReviewCauseWords =
    [
        (ReviewCauseKind.ReviewBand, "review_band"), (ReviewCauseKind.Guard, "guard"), (ReviewCauseKind.Ambiguous, "ambiguous"),
        (ReviewCauseKind.MergeQuestion, "merge_question"), (ReviewCauseKind.QualityCheck, "quality_check"),
    ];

    private static readonly (Mpi.Matching.Scoring.GuardReason Value, string Word)[] GuardReasonWords =
    [
        (Mpi.Matching.Scoring.GuardReason.None, "none"), (Mpi.Matching.Scoring.GuardReason.Suffix, "suffix"),
        (Mpi.Matching.Scoring.GuardReason.NationalIds, "national_ids"), (Mpi.Matching.Scoring.GuardReason.Twins, "twins"),
        (Mpi.Matching.Scoring.GuardReason.FatherAndSon, "father_and_son"), (Mpi.Matching.Scoring.GuardReason.Namesake, "namesake"),
        (Mpi.Matching.Scoring.GuardReason.Disagreement, "disagreement"),
    ];

    private static readonly (MarkOrigin Value, string Word)[] MarkOriginWords =
        [(MarkOrigin.ReviewAnswer, "review_answer"), (MarkOrigin.Unlink, "unlink"), (MarkOrigin.Steward, "steward")];

    /// <summary>Every audit action's word, in the enum's order (the audit page offers them as filters).</summary>
    public static IReadOnlyList<string> AuditActionWordList { get; } = [.. AuditActionWords.Select(a => a.Word)];

    public static string Of(AuditAction action) => WordOf(AuditActionWords, action);

    public static AuditAction AuditActionOf(string word) => ValueOf(AuditActionWords, word, "audit action");

    /// <summary>The action a word names, or null for a word that names none (a filter typed by hand).</summary>
    public static AuditAction? FindAuditAction(string word) =>
        AuditActionWords.Where(a => a.Word == word).Select(a => (AuditAction?)a.Value).FirstOrDefault();

    public static string Of(ExceptionState state) => WordOf(ExceptionStateWords, state);

    public static ExceptionState ExceptionStateOf(string word) => ValueOf(ExceptionStateWords, word, "exception state");

    public static string Of(ExceptionResolution resolution) => WordOf(ExceptionResolutionWords, resolution);

    public static ExceptionResolution ExceptionResolutionOf(string word) => ValueOf(ExceptionResolutionWords, word, "exception resolution");

    public static string Of(ReviewCauseKind cause) => WordOf(ReviewCauseWords, cause);

    public static ReviewCauseKind ReviewCauseOf(string word) => ValueOf(ReviewCauseWords, word, "review cause");

    public static string Of(Mpi.Matching.Scoring.GuardReason guard) => WordOf(GuardReasonWords, guard);

    public static Mpi.Matching.Scoring.GuardReason GuardReasonOf(string word) => ValueOf(GuardReasonWords, word, "guard reason");

    public static string Of(MarkOrigin origin) => WordOf(MarkOriginWords, origin);

    public static MarkOrigin MarkOriginOf(string word) => ValueOf(MarkOriginWords, word, "mark origin");

    public static string Of(TaskState state) => WordOf(TaskStateWords, state);

    public static TaskState TaskStateOf(string word) => ValueOf(TaskStateWords, word, "review task state");

    public static string Of(ReviewResolutionKind resolution) => WordOf(ResolutionWords, resolution);

    public static ReviewResolutionKind ResolutionOf(string word) => ValueOf(ResolutionWords, word, "review resolution");

    public static string Of(LinkKind kind) => WordOf(LinkKindWords, kind);

    public static LinkKind LinkKindOf(string word) => ValueOf(LinkKindWords, word, "link kind");

    public static string Of(CandidatePersons candidates) => string.Join(',', candidates.PersonIds);

    public static CandidatePersons CandidatesOf(string column) => CandidatePersons.Of(column.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static string WordOf<T>((T Value, string Word)[] words, T value) where T : struct, Enum
    {
        foreach (var (v, word) in words)
            if (EqualityComparer<T>.Default.Equals(v, value)) return word;
        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    private static T ValueOf<T>((T Value, string Word)[] words, string word, string what) where T : struct, Enum
    {
        foreach (var (value, w) in words)
            if (w == word) return value;
        throw new InvalidDataException($"unknown {what} '{word}'");
    }
}
