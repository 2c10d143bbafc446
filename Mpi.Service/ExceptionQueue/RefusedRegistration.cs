using Mpi.Matching.Normalization;

namespace Mpi.Service.ExceptionQueue;

/// <summary>
/// A registration refused as invalid, as the exception queue keeps it: the key and message id as received, the
/// sender, the violations answered and every field's receipt.
/// </summary>
/// <param name="Registry">The registry to keep it under: the key's, when valid and held by the sender; else empty.</param>
public sealed record RefusedRegistration(string Registry, string KeyRegistry, string KeyLocalId, string? MessageId, string Sender,
    IReadOnlyList<(string Field, string Reason)> Violations, IReadOnlyList<FieldReceipt> Receipts);
