using System.Text.Json;

namespace Mpi.Service.Matching;

/// <summary>
/// How a link's evidence is written in its row (and a review task's, one per candidate): JSON, read back whole. It is
/// never queried by field; the columns stay readable by hand when someone asks why two records were joined.
/// </summary>
public static class StoredEvidence
{
    public static string? Of(LinkEvidence? evidence) => evidence is null ? null : JsonSerializer.Serialize(evidence);

    public static LinkEvidence? EvidenceOf(string? json) => json is null ? null : JsonSerializer.Deserialize<LinkEvidence>(json);

    public static string? Of(IReadOnlyList<LinkEvidence> candidates) => candidates.Count == 0 ? null : JsonSerializer.Serialize(candidates);

    public static IReadOnlyList<LinkEvidence> CandidatesOf(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<LinkEvidence[]>(json) ?? [];
}
