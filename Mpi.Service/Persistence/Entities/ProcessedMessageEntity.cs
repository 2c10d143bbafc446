namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// A Register message already answered, by (registry, message id): a retry with the same content gets the stored
/// answer again; the same id with other content is refused. Holds the answer (which carries demographics in its
/// receipts) as protobuf bytes, like the source record itself.
/// </summary>
public sealed class ProcessedMessageEntity
{
    public required string Registry { get; set; }
    public required string MessageId { get; set; }
    /// <summary>SHA-256 of the request's key and demographics.</summary>
    public required string RequestHash { get; set; }
    public required byte[] Response { get; set; }
    public DateTimeOffset At { get; set; }
}
