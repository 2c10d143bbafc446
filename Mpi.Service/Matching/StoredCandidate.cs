using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>A stored source record found by candidate search: its row id and version, its person, and its normalised form.</summary>
public sealed record StoredCandidate(long Id, int Version, string PersonId, NormalizedRecord Record);
