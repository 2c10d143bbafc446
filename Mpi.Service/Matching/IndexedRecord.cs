using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// A committed source record as the record directory holds it: the candidate search scores (id, version, person,
/// normalised form), the values it offers its person's golden view, when it was last updated (the stored value, which
/// orders a person's records), and the link event that produced this state (a later event's state always wins).
/// It is itself the candidate a search returns: one object less to reach per candidate, at a million records. An
/// inactive record (deactivated by its registry) is held only so that an older state cannot come back: it is in no
/// block, no person and no count.
/// </summary>
public sealed record IndexedRecord(long Id, int Version, string PersonId, NormalizedRecord Record, GoldenValues Golden, long UpdatedAt, long Event,
    bool Inactive = false)
    : StoredCandidate(Id, Version, PersonId, Record);
