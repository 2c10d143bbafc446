namespace Mpi.Matching.Evaluation;

/// <summary>What went wrong with a candidate pair, judged against the truth.</summary>
public enum PairMistakeKind
{
    /// <summary>Put in the same person, but the truth says different people.</summary>
    FalseMerge = 1,
    /// <summary>The same person in truth, but left in different persons.</summary>
    MissedLink = 2,
}

/// <summary>A scored candidate pair (record indices) the clustering got wrong, with its probability.</summary>
public sealed record PairMistake(int First, int Second, double Probability, PairMistakeKind Kind);
