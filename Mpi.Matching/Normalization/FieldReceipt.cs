namespace Mpi.Matching.Normalization;

/// <summary>
/// What was done with one field of a received record: accepted as sent, normalised (from → to), set aside (why),
/// or missing. The receiving side of a hand-off says exactly what it did with each field; nothing is dropped
/// silently. Holds demographics: for the sender's eyes, never for a log.
/// </summary>
public sealed record FieldReceipt(string Field, string? Received, string? Stored, FieldOutcome Outcome, string? Reason);
