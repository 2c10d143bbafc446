namespace Mpi.Matching.Evaluation;

/// <summary>
/// One bar of a score histogram: the candidate pairs whose match weight lies in [<see cref="From"/>, <see cref="To"/>),
/// split by what the truth says they are.
/// </summary>
/// <param name="From">Lower edge (match weight, log2 odds), inclusive.</param>
/// <param name="To">Upper edge, exclusive (the last bin also holds everything above it).</param>
/// <param name="TrueMatches">Pairs in the bin that are the same person.</param>
/// <param name="NonMatches">Pairs in the bin that are different people.</param>
public sealed record HistogramBin(double From, double To, long TrueMatches, long NonMatches);
