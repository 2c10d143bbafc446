namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// A Register of a known record that arrived after a newer one (its source event time older than that of the
/// demographics held): kept as received, never applied. Holds demographics, like the record itself.
/// </summary>
public sealed class StaleUpdateEntity
{
    public long Id { get; set; }
    public long SourceRecordId { get; set; }
    public DateTimeOffset SourceEventAt { get; set; }

    /// <summary>The source event time of the demographics held when it arrived: the newer one it lost to.</summary>
    public DateTimeOffset HeldSourceEventAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public required string Sender { get; set; }
    public string? MessageId { get; set; }

    /// <summary>The received record as JSON (<see cref="Persistence.StoredStaleUpdates"/>).</summary>
    public required string Demographics { get; set; }
}
