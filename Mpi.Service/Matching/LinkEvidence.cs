using Mpi.Matching.Scoring;

namespace Mpi.Service.Matching;

/// <summary>
/// What decided a link, as it was when decided: the candidate person, the stored record the incoming one was compared
/// with (key and version), the incoming record's version, and the explanation (every comparison's level and weight,
/// the probability and the guard). Kept with the link event and the review task, so that "why was this linked" is
/// answered from what was stored, whatever the model or the records became since.
/// </summary>
public sealed record LinkEvidence(string PersonId, long ComparedRecordId, int ComparedRecordVersion, string ComparedRegistry, string ComparedLocalId,
    int RecordVersion, ScoreExplanation Explanation)
{
    /// <summary>The evidence of the incoming record (at <paramref name="recordVersion"/>) against a candidate's deciding record.</summary>
    public static LinkEvidence Of(StoredCandidate compared, int recordVersion, ScoreExplanation explanation) =>
        new(compared.PersonId, compared.Id, compared.Version, compared.Record.Registry, compared.Record.LocalId, recordVersion, explanation);
}
