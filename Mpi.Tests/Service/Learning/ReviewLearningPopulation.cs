using Mpi.Tests.Matching;

namespace Mpi.Tests.Service.Learning;

/// <summary>
/// The synthetic population of the learning experiment: larger than the shared one, because at 12,000 records the
/// model sends only about a hundred pairs per half to review — too few for an oracle to resolve hundreds of tasks.
/// </summary>
public sealed class ReviewLearningPopulation
{
    public const int RecordCount = 60_000;

    public SyntheticPopulation Population { get; } = new(RecordCount);
}
