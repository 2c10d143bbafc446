namespace Mpi.Tools.Synthetic;

/// <summary>What <see cref="SyntheticPopulationWriter"/> wrote.</summary>
/// <param name="Households">Household members (persons sharing a primary person's home), not households.</param>
public sealed record SyntheticPopulationSummary(
    int Records, int Persons, int Duplicates, int Households, int Twins, int FatherSons, int Namesakes);
