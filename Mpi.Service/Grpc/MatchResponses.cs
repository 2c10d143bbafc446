using Mpi.Contracts.V1;
using Mpi.Service.Matching;
using Mpi.Service.Registration;

namespace Mpi.Service.Grpc;

/// <summary>A <see cref="MatchOutcome"/> as the contract's MatchResponse.</summary>
public static class MatchResponses
{
    public static MatchResponse From(MatchOutcome outcome)
    {
        var response = new MatchResponse
        {
            Decision = ContractMapping.ToContract(RegistrationDecisions.From(outcome.Decision)),
            Rule = outcome.Rule ?? "",
            ModelVersion = outcome.ModelVersion,
            Learned = LearnedRescoreMapping.ToContract(outcome.Learned),
            MergedPersonIds = { outcome.MergedPersonIds },
            MergeTaskPersonIds = { outcome.MergeTaskPersonIds },
        };
        ContractMapping.AddReceipts(response.Receipts, outcome.Receipts);
        foreach (var candidate in outcome.Candidates)
            response.Candidates.Add(new MatchCandidate
            {
                PersonId = candidate.PersonId,
                Probability = candidate.Probability,
                Explanation = ContractMapping.ToContract(candidate.Explanation),
                MatchedRecord = candidate.MatchedRecord is { } key ? new RecordKey { Registry = key.Registry, LocalId = key.LocalId } : null,
                Band = candidate.Band switch
                {
                    Mpi.Matching.Decisions.ThresholdBand.AutoLink => Mpi.Contracts.V1.ThresholdBand.AutoLink,
                    Mpi.Matching.Decisions.ThresholdBand.Review => Mpi.Contracts.V1.ThresholdBand.Review,
                    _ => Mpi.Contracts.V1.ThresholdBand.NonMatch,
                },
                Golden = ContractMapping.ToGolden(candidate.Golden),
                Records = { candidate.Records.Select(r => new RecordKey { Registry = r.Registry, LocalId = r.LocalId }) },
            });
        return response;
    }
}
