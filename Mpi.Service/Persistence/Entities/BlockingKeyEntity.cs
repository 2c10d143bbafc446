namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// One blocking key of a source record (the 64-bit hash of a rule's key, stored as a signed long). Indexed by key,
/// so candidate search is an index lookup per key instead of a scan.
/// </summary>
public sealed class BlockingKeyEntity
{
    public long Key { get; set; }
    public long SourceRecordId { get; set; }
}
