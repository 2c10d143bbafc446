using Mpi.Contracts.V1;
using Mpi.Matching.Decisions;
using Mpi.Matching.Normalization;
using Mpi.Service.Contracts;
using Mpi.Service.Persons;
using Mpi.Service.Security;

namespace Mpi.Service.Matching;

/// <summary>
/// Match without registering: the candidate persons for a record, best first, each with its probability, band and
/// explanation, and what Register would decide. Nothing is stored.
/// </summary>
public sealed class RecordMatcher(CandidateSearch search, RecordDirectory directory)
{
    public const int DefaultTopK = 5;
    public const int MaxTopK = 50;

    private readonly RecordDecider _decider = new(search, directory);

    /// <summary>Waits until the records are in memory (the first calls after start-up, on a large database).</summary>
    public Task ReadyAsync(ActiveModel model, CancellationToken cancellation) => search.ReadyAsync(model, cancellation);

    /// <remarks>Synchronous: candidates, records and golden views come from the in-memory <see cref="RecordDirectory"/>.</remarks>
    /// <param name="scope">
    /// The caller's registries: only persons with a record there are candidates, showing only those records
    /// (docs/decisions.md, "Visibility across registries"); the decision is still what Register would do.
    /// </param>
    public MatchResponse Match(NormalizationResult normalized, int topK, double minProbability, ActiveModel model, RegistryScope? scope = null)
    {
        scope ??= RegistryScope.Everything;
        var record = normalized.Record;
        var (decided, persons, merged, toAsk) = _decider.Decide(record, model);
        var thresholds = model.Model.Thresholds;
        var (kind, best, ranked) = (decided.Kind, decided.Best, decided.Ranked);
        var response = new MatchResponse
        {
            Decision = ContractMapping.ToContract(Registration.RegistrationDecisions.From(kind)),
            Rule = kind == DecisionKind.RuleLink ? best!.Rule : "",
            ModelVersion = model.Model.Version,
            Learned = LearnedRescoreMapping.ToContract(decided.Learned),
            MergedPersonIds = { merged.Where(p => Visible(p, scope)) },
            MergeTaskPersonIds = { toAsk.Where(p => Visible(p, scope)) },
        };
        ContractMapping.AddReceipts(response.Receipts, normalized.Receipts);
        var take = topK <= 0 ? DefaultTopK : Math.Min(topK, MaxTopK);
        var shown = ranked.Where(c => c.Probability >= minProbability && Visible(c.PersonId, scope)).Take(take).ToArray();
        foreach (var candidate in shown)
        {
            var all = directory.RecordsOf(candidate.PersonId);
            var records = scope.IsEverything ? all : [.. all.Where(r => scope.Sees(r.Record.Registry))];
            var other = persons[candidate.PersonId].Stored.Record;
            response.Candidates.Add(new MatchCandidate
            {
                PersonId = candidate.PersonId,
                Probability = candidate.Probability,
                Explanation = ContractMapping.ToContract(model.Scorer.Explain(record, other)),
                MatchedRecord = scope.Sees(other.Registry) ? new RecordKey { Registry = other.Registry, LocalId = other.LocalId } : null,
                Band = ThresholdBands.Of(candidate.Probability, candidate.Guard, thresholds) switch
                {
                    Mpi.Matching.Decisions.ThresholdBand.AutoLink => Mpi.Contracts.V1.ThresholdBand.AutoLink,
                    Mpi.Matching.Decisions.ThresholdBand.Review => Mpi.Contracts.V1.ThresholdBand.Review,
                    _ => Mpi.Contracts.V1.ThresholdBand.NonMatch,
                },
                Golden = ContractMapping.ToGolden(GoldenView.Of([.. all.Select(r => r.Golden)])),
                Records = { records.Select(r => new RecordKey { Registry = r.Record.Registry, LocalId = r.Record.LocalId }) },
            });
        }
        return response;
    }

    private bool Visible(string personId, RegistryScope scope) =>
        scope.IsEverything || scope.SeesAny(directory.RecordsOf(personId).Select(r => r.Record.Registry));
}
