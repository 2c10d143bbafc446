using Mpi.Matching.Learning;

namespace Mpi.Service.Learning;

/// <summary>A learning round stored: what was learned, the inactive version that holds it, and the records read.</summary>
public sealed record LearnedVersion(LearningOutcome Outcome, string Version, int Records);
