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
        for (var i = 0; i < Math.Min(ReadAheadDistance, candidates.Count); i++) ReadAhead(candidates[i]);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i + ReadAheadDistance < candidates.Count) ReadAhead(candidates[i + ReadAheadDistance]);
            var stored = candidates[i];
            var rule = model.Rules.FirstMatch(incoming, stored.Record);
            var score = model.Scorer.Score(incoming, stored.Record);
            var probability = rule is null ? score.Probability : 1.0;
            if (persons.TryGetValue(stored.PersonId, out var seen) && !Supersedes(probability, score.Guard, rule, seen.Candidate)) continue;
            persons[stored.PersonId] = (new PersonCandidate(stored.PersonId, probability, score.Guard, rule), stored);
        }
        if (model.Learned is { } learned) RescoreReviewBand(incoming, persons, model, learned);
        return persons;
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
    // Touching the fields of a candidate a dozen places ahead starts those loads while the current one is scored
    // (measured at 1,000,000 records: about a quarter less time per Match than without).
    private const int ReadAheadDistance = 12;

    private static int ReadAhead(StoredCandidate candidate) => candidate.PersonId.Length + ReadAhead(candidate.Record);

    private static int ReadAhead(NormalizedRecord r) =>
        r.GivenName.Length + r.MiddleName.Length + r.FamilyName.Length + r.Suffix.Length + r.BirthDigits.Length + r.AddressLine.Length +
        r.City.Length + r.PostalCode.Length + r.Phone.Length + r.Email.Length + r.NationalId.Length + r.GivenPhonetic.Length +
        r.FamilyPhonetic.Length + r.GivenNameGroups.Length;

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
