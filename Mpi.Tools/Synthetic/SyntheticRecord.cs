using Mpi.Matching.Records;

namespace Mpi.Tools.Synthetic;

/// <summary>A generated record and the truth about it: which person it belongs to.</summary>
/// <param name="Record">The record as a registry would send it.</param>
/// <param name="PersonId">The true person (a number, as in FEBRL truth); records with the same person id are the same patient.</param>
public sealed record SyntheticRecord(PatientRecord Record, string PersonId)
{
    /// <summary>False for the first record of a person, true for each later one.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>The trap that made this person resemble <see cref="RelatedPersonId"/>, if any.</summary>
    public SyntheticTrap Trap { get; init; }

    /// <summary>The primary person this one was made to resemble; null when <see cref="Trap"/> is None.</summary>
    public string? RelatedPersonId { get; init; }
}
