using Mpi.Service.Persons;

namespace Mpi.Service.Matching;

/// <summary>
/// A committed source record as the record directory holds it: the candidate search scores (id, version, person,
/// normalised form), the values it offers its person's golden view, when it was last updated (the stored value, which
/// orders a person's records), and the link event that produced this state (a later event's state always wins).
/// </summary>
public sealed record IndexedRecord(StoredCandidate Candidate, GoldenValues Golden, long UpdatedAt, long Event)
{
    public long Id => Candidate.Id;
}
