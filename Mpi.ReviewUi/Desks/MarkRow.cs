namespace Mpi.ReviewUi.Desks;

/// <summary>
/// A "not the same person" mark as the person page lists it: the record marked, the person it is kept apart from (its
/// records' holder now), whose decision it was (review answer, unlink, steward), who, when and why. No demographics.
/// </summary>
public sealed record MarkRow(long MarkId, string Registry, string LocalId, string RecordPersonId, string HeldAgainstPersonId, string Origin,
    string MarkedBy, DateTimeOffset MarkedAt, string? Reason);
