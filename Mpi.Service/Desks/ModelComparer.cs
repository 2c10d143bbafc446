using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Decisions;
using Mpi.Matching.Normalization;
using Mpi.Matching.Settings;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;

namespace Mpi.Service.Desks;

/// <summary>
/// Puts a model version beside the active one: every level's weight under both, and the latest review tasks' pairs
/// rescored under both with the decision each model gives (its thresholds, guards and learned re-scorer) — what
/// activating it would change.
/// </summary>
public sealed class ModelComparer(MpiDbContext db, RecordNormalizer normalizer, RecordDecider decider)
{
    /// <summary>How many of the latest review tasks are rescored.</summary>
    public const int PairsRescored = 200;

    public async Task<(IReadOnlyList<LevelWeights> Levels, IReadOnlyList<RescoredPair> Pairs)> CompareAsync(MatchModel current, MatchModel candidate,
        CancellationToken cancellation)
    {
        var levels = current.Comparisons.Select(c => c.Name).Union(candidate.Comparisons.Select(c => c.Name))
            .SelectMany(name => Labels(current, candidate, name).Select(label => new LevelWeights(name, label,
                current.Comparison(name)?.Levels.FirstOrDefault(l => l.Label == label)?.Weight,
                candidate.Comparison(name)?.Levels.FirstOrDefault(l => l.Label == label)?.Weight)))
            .ToArray();
        var (now, then) = (new ActiveModel(current), new ActiveModel(candidate));
        var pairs = new List<RescoredPair>();
        foreach (var task in await db.ReviewTasks.AsNoTracking().OrderByDescending(t => t.Id).Take(PairsRescored).ToListAsync(cancellation))
        {
            var incoming = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == task.SourceRecordId, cancellation);
            var personIds = task.CandidatePersonIds.PersonIds;
            var others = await db.SourceRecords.AsNoTracking().Where(r => personIds.Contains(r.PersonId) && r.Id != incoming.Id).ToListAsync(cancellation);
            if (others.Count == 0) continue;
            var record = normalizer.Normalize(incoming.ToPatientRecord()).Record;
            var candidates = others.Select(r => StoredCandidate.Of(r, normalizer)).ToArray();
            var (before, after) = (Rescore(record, candidates, now), Rescore(record, candidates, then));
            pairs.Add(new RescoredPair(task.Id, before.Probability, after.Probability, before.Band, after.Band, DeskMapping.Answer(task.Resolution)));
        }
        return (levels, pairs);
    }

    private static IEnumerable<string> Labels(MatchModel a, MatchModel b, string name) =>
        (a.Comparison(name)?.Levels.Select(l => l.Label) ?? []).Union(b.Comparison(name)?.Levels.Select(l => l.Label) ?? []).Where(l => l != "missing");

    /// <summary>
    /// The best candidate's probability and what the model would decide, as Register decides: guards, a close second
    /// candidate and, for a version with one, the learned re-scorer included.
    /// </summary>
    private (double Probability, string Band) Rescore(Mpi.Matching.Records.NormalizedRecord record, StoredCandidate[] candidates,
        ActiveModel model)
    {
        // Each version weighs names by frequency from its own average (the u of its exact level), as it would serve.
        var (_, decided, persons) = decider.Score(record, candidates, model);
        var band = decided.Kind switch
        {
            DecisionKind.AutoLink or DecisionKind.RuleLink => "auto-link",
            DecisionKind.Review => "review",
            _ => "new",
        };
        return (persons.Values.Select(p => p.Candidate.Probability).DefaultIfEmpty(0).Max(), band);
    }
}
