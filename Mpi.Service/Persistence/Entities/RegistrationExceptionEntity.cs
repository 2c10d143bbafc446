namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// A Register message (or RegisterStream item) refused as invalid after its sender was authenticated: the exception
/// queue's row, and the only trace of the message, since nothing else of it is written. Holds the received
/// demographics inside its receipts, like a source record does.
/// </summary>
public sealed class RegistrationExceptionEntity
{
    public long Id { get; set; }

    /// <summary>The registry it is kept under: the key's when the sender holds that registry, else empty.</summary>
    public required string Registry { get; set; }

    /// <summary>The key as received (cut to its column's length): either part may be what was wrong.</summary>
    public required string KeyRegistry { get; set; }
    public required string KeyLocalId { get; set; }
    public string? MessageId { get; set; }

    /// <summary>The credential that sent it.</summary>
    public required string Sender { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The field violations answered, as JSON (<see cref="Persistence.StoredExceptionFields"/>).</summary>
    public required string Violations { get; set; }

    /// <summary>Every field's receipt, received values included, as JSON.</summary>
    public required string Receipts { get; set; }

    public ExceptionState State { get; set; }
    public ExceptionResolution? Resolution { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Note { get; set; }
}
