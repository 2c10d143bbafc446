using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Matching;

/// <summary>A stored source record found by candidate search: its row id and version, its person, and its normalised form.</summary>
public record StoredCandidate(long Id, int Version, string PersonId, NormalizedRecord Record)
{
    /// <summary>A stored record read through EF (review and steward pages), normalised now.</summary>
    public static StoredCandidate Of(SourceRecordEntity stored, RecordNormalizer normalizer) =>
        new(stored.Id, stored.Version, stored.PersonId, normalizer.Normalize(stored.ToPatientRecord(), ReceiptDetail.SetAsideOnly).Record);
}
