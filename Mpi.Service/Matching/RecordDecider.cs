using Mpi.Matching.Decisions;
using Mpi.Matching.Records;
using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// The one place where an incoming record is decided: candidates from the directory, the record weighed among the
/// records held, each person's deciding record scored, the decision, and the persons the record bridges
/// (<see cref="PersonBridge"/>). Register, Match, the review pages and the model comparison all decide here, so
/// their answers cannot drift apart. The "not the same person" marks are respected here too: persons marked apart are
/// never bridged, and a record's own marks keep the persons named out of its candidates.
/// </summary>
public sealed class RecordDecider(CandidateSearch search, RecordDirectory directory, DifferentPersonMarks marks)
{
    /// <summary>What Register does with <paramref name="record"/> and what Match says it would do.</summary>
    /// <param name="uncommitted">Inside a registration's write transaction: its records and merges not committed yet.</param>
    /// <param name="markedAgainst">Persons the record is marked as not (Match for a record held): never candidates.</param>
    public DecidedRecord Decide(NormalizedRecord record, ActiveModel model, TransactionRecords? uncommitted = null,
        IReadOnlySet<string>? markedAgainst = null)
    {
        var candidates = search.Find(record, model, uncommitted);
        if (markedAgainst is { Count: > 0 }) candidates = [.. candidates.Where(c => !markedAgainst.Contains(c.PersonId))];
        var scored = Score(record, candidates, model);
        var thresholds = model.Model.Thresholds;
        var bridge = PersonBridge.Decide(scored.Record, scored.Decision, thresholds, person => WeighedRecordsOf(person, model, uncommitted),
            model.Compatibility.Of, (a, b) => marks.Between(a, b) is not null);
        var decided = bridge.Kind == scored.Decision.Kind ? scored.Decision : scored.Decision with { Kind = bridge.Kind };
        return new DecidedRecord(scored.Record, decided, scored.Persons, bridge.MergedPersonIds, bridge.MergeTaskPersonIds);
    }

    /// <summary>
    /// <paramref name="record"/> weighed among the records held, scored against <paramref name="candidates"/> (each
    /// person by its deciding record) and decided as Register decides before it looks for bridges: for candidates
    /// read elsewhere (a review task's persons, the pairs a model comparison rescores).
    /// </summary>
    public ScoredRecord Score(NormalizedRecord record, IReadOnlyList<StoredCandidate> candidates, ActiveModel model)
    {
        // Decide weighs after the search: the frequencies are those of the records the search saw.
        var weighed = record.Weighed(directory.WeightsOf(record, model));
        var persons = PersonScoring.ByPerson(weighed, candidates, model);
        var decided = IncomingRecordDecision.Decide(PersonScoring.Candidates(persons), model.Model.Thresholds, model.Learned?.Thresholds);
        return new ScoredRecord(weighed, decided, persons);
    }

    /// <summary>
    /// A person's records as they stand inside the transaction (its uncommitted versions, the persons it merged), each a
    /// copy weighed as an incoming record is, so that the pairs across two persons score as batch scores them.
    /// </summary>
    private List<NormalizedRecord> WeighedRecordsOf(string personId, ActiveModel model, TransactionRecords? uncommitted)
    {
        var records = new Dictionary<long, NormalizedRecord>();
        foreach (var person in uncommitted?.PersonAndMerged(personId) ?? [personId])
            foreach (var held in directory.RecordsOf(person)) records[held.Id] = held.Record;
        if (uncommitted is not null)
            foreach (var written in uncommitted.All)
            {
                if (uncommitted.PersonOf(written.PersonId) == personId) records[written.Id] = written.Record;
                else records.Remove(written.Id);
            }
        var weighed = new List<NormalizedRecord>(records.Count);
        foreach (var record in records.Values) weighed.Add(record.Weighed(directory.WeightsOf(record, model)));
        return weighed;
    }
}

/// <summary>
/// An incoming record weighed and scored: the weighed copy (what explanations are computed on), the decision before
/// bridges, and each candidate person with its deciding record.
/// </summary>
public sealed record ScoredRecord(
    NormalizedRecord Record,
    IncomingDecision Decision,
    Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> Persons);

/// <summary>
/// The decision on an incoming record, the record as weighed for it, each candidate person with its deciding record,
/// the persons to merge into the best one, and those a merge task asks about (<see cref="BridgeDecision"/>).
/// </summary>
public sealed record DecidedRecord(
    NormalizedRecord Record,
    IncomingDecision Decision,
    Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> Persons,
    IReadOnlyList<string> MergedPersonIds,
    IReadOnlyList<string> MergeTaskPersonIds);
