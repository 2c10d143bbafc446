using Mpi.Matching.Normalization;

namespace Mpi.ReviewUi.Desks;

/// <summary>
/// The exception queue for stewards: registrations refused as invalid, per registry, each with what was received and
/// why it was refused; a steward closes one by hand with a note when the corrected message will not come.
/// </summary>
public interface IExceptionDesk
{
    /// <summary>Every registry with open exceptions: how many, and when the oldest was refused.</summary>
    Task<IReadOnlyList<ExceptionRegistry>> OpenByRegistryAsync(CancellationToken cancellation);

    /// <summary>One registry's exceptions (<see cref="ExceptionRegistry.None"/>: those kept under no registry), oldest first.</summary>
    Task<IReadOnlyList<ExceptionRow>> ListAsync(string registry, bool resolved, CancellationToken cancellation);

    Task<DeskResult> ResolveAsync(long id, string note, string actor, CancellationToken cancellation);
}

/// <param name="Registry">The registry code, or empty for the exceptions kept under none.</param>
public sealed record ExceptionRegistry(string Registry, long Open, DateTimeOffset Oldest)
{
    /// <summary>The page's word for "kept under no registry" (no registry code can be written with brackets).</summary>
    public const string None = "(none)";
}

public enum ExceptionRowState { Open, Resent, ResolvedByHand }

public sealed record ExceptionRow(long Id, string KeyRegistry, string KeyLocalId, string? MessageId, string Sender, DateTimeOffset ReceivedAt,
    IReadOnlyList<(string Field, string Reason)> Violations, IReadOnlyList<FieldReceipt> Receipts, ExceptionRowState State, string? ResolvedBy,
    DateTimeOffset? ResolvedAt, string? Note);
