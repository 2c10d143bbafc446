namespace Mpi.Matching.Clustering;

/// <summary>An edge the clustering may follow: two record indices and the strength of the link (higher first).</summary>
/// <param name="ByRule">Made by a deterministic rule (followed before any scored link).</param>
public readonly record struct ScoredLink(int First, int Second, double Weight, bool ByRule);
