using Mpi.Contracts.V1;
using Mpi.Matching.Learning;

namespace Mpi.Service.Grpc;

/// <summary>The learned re-scorer's verdict on the best candidate, as the contract's LearnedRescore.</summary>
public static class LearnedRescoreMapping
{
    public static LearnedRescore? ToContract(LearnedDecision? decision) => decision is null ? null : new LearnedRescore
    {
        Probability = decision.LearnedProbability ?? 0, FellegiSunterProbability = decision.FellegiSunterProbability,
        FellegiSunterBand = Band(decision.FellegiSunterBand), Band = Band(decision.Band), Moved = decision.Moved, Reason = decision.Reason,
    };

    private static ThresholdBand Band(Mpi.Matching.Decisions.ThresholdBand band) => band switch
    {
        Mpi.Matching.Decisions.ThresholdBand.AutoLink => ThresholdBand.AutoLink,
        Mpi.Matching.Decisions.ThresholdBand.Review => ThresholdBand.Review,
        _ => ThresholdBand.NonMatch,
    };
}
