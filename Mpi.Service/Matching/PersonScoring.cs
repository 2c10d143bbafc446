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
        NormalizedRecord incoming, IEnumerable<StoredCandidate> candidates, ActiveModel model)
    {
        var persons = new Dictionary<string, (PersonCandidate Candidate, StoredCandidate Stored)>();
        foreach (var stored in candidates)
        {
            var rule = model.Rules.FirstMatch(incoming, stored.Record);
            var score = model.Scorer.Score(incoming, stored.Record);
            var candidate = new PersonCandidate(stored.PersonId, rule is null ? score.Probability : 1.0, score.Guard, rule);
            if (!persons.TryGetValue(stored.PersonId, out var seen) || Supersedes(candidate, seen.Candidate))
                persons[stored.PersonId] = (candidate, stored);
        }
        if (model.Learned is { } learned) RescoreReviewBand(incoming, persons, model, learned);
        return persons;
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
    private static bool Supersedes(PersonCandidate candidate, PersonCandidate seen)
    {
        if (seen.Guard == PairGuard.CannotLink) return false;
        if (candidate.Guard == PairGuard.CannotLink) return true;
        if ((candidate.Rule is null) != (seen.Rule is null)) return candidate.Rule is not null;
        return candidate.Probability > seen.Probability;
    }
}
