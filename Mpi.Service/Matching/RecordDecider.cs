using Mpi.Matching.Decisions;
using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// What Register does with an incoming record, and what Match says it would do: candidates from the directory, the
/// record weighed among the records held, each person's deciding record scored, the decision, and the persons the
/// record bridges (<see cref="PersonBridge"/>). One place, so the two answers cannot drift apart.
/// </summary>
public sealed class RecordDecider(CandidateSearch search, RecordDirectory directory)
{
    /// <param name="uncommitted">Inside a registration's write transaction: its records and merges not committed yet.</param>
    public DecidedRecord Decide(NormalizedRecord record, ActiveModel model, TransactionRecords? uncommitted = null)
    {
        var candidates = search.Find(record, model, uncommitted);
        // Weighed after the search and before scoring: the frequencies are those of the records the search saw.
        directory.WeighNames(record, model);
        var persons = PersonScoring.ByPerson(record, candidates, model);
        var thresholds = model.Model.Thresholds;
        var decided = IncomingRecordDecision.Decide(PersonScoring.Candidates(persons), thresholds, model.Learned?.Thresholds);
        var bridge = PersonBridge.Decide(record, decided, thresholds, person => WeighedRecordsOf(person, model, uncommitted), model.Compatibility.Of);
        if (bridge.Kind != decided.Kind) decided = decided with { Kind = bridge.Kind };
        return new DecidedRecord(decided, persons, bridge.MergedPersonIds, bridge.MergeTaskPersonIds);
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
        foreach (var record in records.Values)
        {
            var copy = record.WithSharedValues(static value => value);
            directory.WeighNames(copy, model);
            weighed.Add(copy);
        }
        return weighed;
    }
}

/// <summary>
/// The decision on an incoming record, each candidate person with its deciding record, the persons to merge into the
/// best one, and those a merge task asks about (<see cref="BridgeDecision"/>).
/// </summary>
public sealed record DecidedRecord(
    IncomingDecision Decision,
    Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> Persons,
    IReadOnlyList<string> MergedPersonIds,
    IReadOnlyList<string> MergeTaskPersonIds);
