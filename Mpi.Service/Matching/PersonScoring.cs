using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;

namespace Mpi.Service.Matching;

/// <summary>Scores an incoming record against candidate records and keeps, per person, the record that decides.</summary>
public static class PersonScoring
{
    /// <summary>Each candidate person's best record against the incoming one; a rule beats any score.</summary>
    public static Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> ByPerson(
        NormalizedRecord incoming, IReadOnlyList<StoredCandidate> candidates, ActiveModel model)
    {
        var persons = new Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)>(candidates.Count);
        List<string>? conflicted = null;
        var count = candidates.Count;
        for (var i = -CandidateAhead; i < count; i++)
        {
            Prefetch(candidates, i, count);
            if (i < 0) continue;
            var stored = candidates[i];
            var rule = model.Rules.FirstMatch(incoming, stored.Record);
            var score = model.Scorer.Score(incoming, stored.Record);
            var probability = rule is null ? score.Probability : 1.0;
            if (rule is null && score.Guard == PairGuard.AtMostReview && score.Reason.IsConflict()) (conflicted ??= []).Add(stored.PersonId);
            if (persons.TryGetValue(stored.PersonId, out var seen) && !Supersedes(probability, score.Guard, rule, seen.Candidate)) continue;
            persons[stored.PersonId] = (new PersonCandidate(stored.PersonId, probability, score.Guard, rule), stored);
        }
        if (conflicted is not null) HoldConflicted(persons, conflicted);
        if (model.Learned is { } learned) RescoreReviewBand(incoming, persons, model, learned);
        return persons;
    }

    /// <summary>
    /// A person one of whose records is, by the comparison, someone else than the incoming record (a twin, a father
    /// or son, another national id) is at most a review candidate, however well another of its records scores: as
    /// batch clustering never joins across such a pair, registration does not link across it.
    /// </summary>
    private static void HoldConflicted(Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> persons, List<string> conflicted)
    {
        foreach (var personId in conflicted)
        {
            var (candidate, stored) = persons[personId];
            if (candidate.Rule is null && candidate.Guard == PairGuard.None)
                persons[personId] = (candidate with { Guard = PairGuard.AtMostReview }, stored);
        }
    }

    /// <summary>The persons' deciding candidates, for the decision.</summary>
    public static PersonCandidate[] Candidates(Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> persons)
    {
        var candidates = new PersonCandidate[persons.Count];
        var next = 0;
        foreach (var (candidate, _) in persons.Values) candidates[next++] = candidate;
        return candidates;
    }

    // Candidates are scattered over a heap of a million records, so scoring one waits on memory for most of its time.
    // Each is a chain: the candidate, its normalised record, the record's values. The loads are started in stages,
    // a few candidates ahead of the one scored, each stage reading only what an earlier stage already fetched: the
    // candidate object, then (once it is in cache) its record and person id, then the record's values.
    private const int CandidateAhead = 9;
    private const int RecordAhead = 6;
    private const int ValuesAhead = 3;

    private static void Prefetch(IReadOnlyList<StoredCandidate> candidates, int i, int count)
    {
        if (i + CandidateAhead < count) CachePrefetch.Line(candidates[i + CandidateAhead]);
        if (i + RecordAhead >= 0 && i + RecordAhead < count)
        {
            var ahead = candidates[i + RecordAhead];
            CachePrefetch.Line(ahead.Record);
            CachePrefetch.Text(ahead.PersonId);
        }
        if (i + ValuesAhead >= 0 && i + ValuesAhead < count) CachePrefetch.Values(candidates[i + ValuesAhead].Record);
    }

    /// <summary>
    /// The learned probability of each person's deciding record whose Fellegi–Sunter band is review: the pairs the
    /// learned re-scorer may move (<see cref="IncomingRecordDecision"/>). Only those, so a registration outside the
    /// review band costs nothing more.
    /// </summary>
    private static void RescoreReviewBand(NormalizedRecord incoming, Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)> persons,
        ActiveModel model, LearnedScorer learned)
    {
        List<string>? review = null;
        foreach (var (personId, (candidate, _)) in persons)
            if (candidate.Rule is null && ThresholdBands.Of(candidate.Probability, candidate.Guard, model.Model.Thresholds) == ThresholdBand.Review)
                (review ??= []).Add(personId);
        if (review is null) return;
        foreach (var personId in review)
        {
            var (candidate, stored) = persons[personId];
            persons[personId] = (candidate with { LearnedProbability = learned.Probability(model.Scorer, incoming, stored.Record) }, stored);
        }
    }

    /// <summary>An outright conflict with any record of a person rules the person out; otherwise a rule, then the higher probability.</summary>
    private static bool Supersedes(double probability, PairGuard guard, string? rule, PersonCandidate seen)
    {
        if (seen.Guard == PairGuard.CannotLink) return false;
        if (guard == PairGuard.CannotLink) return true;
        if ((rule is null) != (seen.Rule is null)) return rule is not null;
        return probability > seen.Probability;
    }
}
