using Mpi.Matching.Decisions;
using Mpi.Matching.Normalization;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Security;

namespace Mpi.Service.Matching;

/// <summary>
/// Match without registering: the candidate persons for a record, best first, each with its probability, band and
/// explanation, and what Register would decide (<see cref="RecordDecider"/>). Nothing is stored but the audit: the
/// answer shows the persons' demographics, so it is a read of each person returned.
/// </summary>
public sealed class RecordMatcher(RecordDecider decider, CandidateSearch search, RecordDirectory directory, GroupAuditWriter audit, DifferentPersonMarks marks,
    TimeProvider time)
{
    public const int DefaultTopK = 5;
    public const int MaxTopK = 50;

    /// <summary>The longest purpose of use a Match may give (the contract's bound).</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// <see cref="Match"/>, answered once the read of every person returned is audited (who, which person, why), as
    /// GetPerson's reads are; a match that returned nobody is audited once, with no person.
    /// </summary>
    /// <param name="heldRecord">The source record the demographics are of, when the caller holds one: the persons it is marked as not are left out.</param>
    public async Task<MatchOutcome> MatchAsync(NormalizationResult normalized, int topK, double minProbability, ActiveModel model, RegistryScope scope,
        string actor, string? reason, CancellationToken cancellation, (string Registry, string LocalId)? heldRecord = null)
    {
        var markedAgainst = heldRecord is { } held ? marks.PersonsMarkedAgainst(held.Registry, held.LocalId) : null;
        var outcome = Match(normalized, topK, minProbability, model, scope, markedAgainst);
        var at = time.GetUtcNow();
        AuditEntryEntity Read(string subject, string result) =>
            new() { At = at, Actor = actor, Action = AuditAction.ReadPerson, Subject = subject, Outcome = result, Reason = reason };
        await audit.WriteAsync(outcome.Candidates.Count == 0 ? [Read("", "match_none")] : [.. outcome.Candidates.Select(c => Read(c.PersonId, "match"))],
            cancellation);
        return outcome;
    }

    /// <summary>Waits until the records are in memory (the first calls after start-up, on a large database).</summary>
    public Task ReadyAsync(ActiveModel model, CancellationToken cancellation) => search.ReadyAsync(model, cancellation);

    /// <remarks>Synchronous: candidates, records and golden views come from the in-memory <see cref="RecordDirectory"/>.</remarks>
    /// <param name="scope">
    /// The caller's registries: only persons with a record there are candidates, showing only those records
    /// (docs/decisions.md, "Visibility across registries"); the decision is what Register would do, but for a link to
    /// a person the caller cannot see, which is answered NEW.
    /// </param>
    /// <param name="markedAgainst">Persons never to offer (those the record being re-checked is marked as not).</param>
    public MatchOutcome Match(NormalizationResult normalized, int topK, double minProbability, ActiveModel model, RegistryScope? scope = null,
        IReadOnlySet<string>? markedAgainst = null)
    {
        scope ??= RegistryScope.Everything;
        var (weighed, decided, persons, merged, toAsk) = decider.Decide(normalized.Record, model, markedAgainst: markedAgainst);
        var take = topK <= 0 ? DefaultTopK : Math.Min(topK, MaxTopK);
        var shown = decided.Ranked.Where(c => c.Probability >= minProbability && Visible(c.PersonId, scope)).Take(take).ToArray();
        var candidates = new List<MatchedPerson>(shown.Length);
        foreach (var candidate in shown)
        {
            var all = directory.RecordsOf(candidate.PersonId);
            var records = scope.IsEverything ? all : [.. all.Where(r => scope.Sees(r.Record.Registry))];
            var other = persons[candidate.PersonId].Stored.Record;
            candidates.Add(new MatchedPerson(candidate.PersonId, candidate.Probability, model.Scorer.Explain(weighed, other),
                scope.Sees(other.Registry) ? (other.Registry, other.LocalId) : null,
                ThresholdBands.Of(candidate.Probability, candidate.Guard, model.Model.Thresholds),
                GoldenView.Of([.. all.Select(r => r.Golden)]), [.. records.Select(r => (r.Record.Registry, r.Record.LocalId))]));
        }
        var (kind, learned) = (decided.Kind, decided.Learned);
        // A link to a person the key cannot see is not the key's to learn (nor which rule found it): answered as a
        // registry holding none of that person's records would be answered, NEW. Otherwise the first candidate shown
        // would pass for the person linked to (the FHIR face grades it `certain`).
        if (kind is DecisionKind.RuleLink or DecisionKind.AutoLink && !Visible(decided.Best!.PersonId, scope)) (kind, learned) = (DecisionKind.New, null);
        return new MatchOutcome(kind, kind == DecisionKind.RuleLink ? decided.Best!.Rule : null, model.Model.Version, learned,
            [.. merged.Where(p => Visible(p, scope))], [.. toAsk.Where(p => Visible(p, scope))], normalized.Receipts, candidates);
    }

    private bool Visible(string personId, RegistryScope scope) =>
        scope.IsEverything || scope.SeesAny(directory.RecordsOf(personId).Select(r => r.Record.Registry));
}
