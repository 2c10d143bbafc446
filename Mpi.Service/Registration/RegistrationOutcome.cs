using System.Collections.Immutable;
using Mpi.Matching.Learning;
using Mpi.Matching.Normalization;
using Mpi.Matching.Scoring;

namespace Mpi.Service.Registration;

/// <summary>The answer to one registration: decision, person, the score behind it and a receipt per field.</summary>
/// <param name="Explanation">Why the best candidate scored what it did; null when there was no candidate.</param>
/// <param name="ReviewTaskId">The review task opened for the record, when the decision is review.</param>
/// <param name="RecordVersion">The stored version of the source record after this message.</param>
/// <param name="Learned">What the version's learned re-scorer said about the best candidate, when it was asked.</param>
public sealed record RegistrationOutcome(
    RegistrationDecision Decision,
    string PersonId,
    double Probability,
    ScoreExplanation? Explanation,
    long? ReviewTaskId,
    ImmutableArray<FieldReceipt> Receipts,
    string ModelVersion,
    int RecordVersion,
    LearnedDecision? Learned = null)
{
    /// <summary>An update older (by source event time) than the demographics held: kept in the record's stale updates, not applied.</summary>
    public bool Stale { get; init; }

    /// <summary>Persons merged into <see cref="PersonId"/> because the record matched each of them (<see cref="Mpi.Matching.Decisions.PersonBridge"/>).</summary>
    public IReadOnlyList<string> MergedPersonIds { get; init; } = [];

    /// <summary>For a rule link, the deterministic rule that fired (e.g. <c>national_id+birth_date</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>The review task asking whether <see cref="PersonId"/> and other persons the record matched are one person.</summary>
    public long? MergeTaskId { get; init; }
}
