using System.Collections.Immutable;
using Mpi.Matching.Records;

namespace Mpi.Matching.Normalization;

/// <summary>A normalised record and the receipt of each of its fields, in canonical column order.</summary>
public sealed record NormalizationResult(NormalizedRecord Record, ImmutableArray<FieldReceipt> Receipts);
