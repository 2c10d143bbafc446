using Mpi.Matching.Normalization;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.ExceptionQueue;

/// <summary>One exception of the queue as the faces show it (gRPC, the stewards' page).</summary>
public sealed record RegistrationException(long Id, string Registry, string KeyRegistry, string KeyLocalId, string? MessageId, string Sender,
    DateTimeOffset ReceivedAt, IReadOnlyList<(string Field, string Reason)> Violations, IReadOnlyList<FieldReceipt> Receipts, ExceptionState State,
    ExceptionResolution? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? Note)
{
    public static RegistrationException Of(RegistrationExceptionEntity e) => new(e.Id, e.Registry, e.KeyRegistry, e.KeyLocalId, e.MessageId, e.Sender,
        e.ReceivedAt, StoredExceptionFields.ViolationsOf(e.Violations), StoredExceptionFields.ReceiptsOf(e.Receipts), e.State, e.Resolution,
        e.ResolvedBy, e.ResolvedAt, e.Note);
}

/// <summary>
/// Which exceptions to list: one registry (empty: those kept under none) or, null, all in scope; a state (null: any);
/// after an id; at most a page.
/// </summary>
public sealed record ExceptionQuery(string? Registry, ExceptionState? State, long AfterId, int PageSize);

/// <summary>The open exceptions of one registry: how many, and when the oldest was refused.</summary>
public sealed record OpenExceptions(string Registry, long Count, DateTimeOffset Oldest);
