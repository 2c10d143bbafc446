using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persons;

/// <summary>
/// A "not the same person" mark as the faces show it: the record's key and its person now, the person named and who
/// holds that person's records now (the one the mark keeps the record apart from). No demographics.
/// </summary>
public sealed record MarkedDifferentPerson(
    long MarkId,
    string Registry,
    string LocalId,
    string RecordPersonId,
    string PersonId,
    string HeldAgainstPersonId,
    MarkOrigin Origin,
    long? ReviewTaskId,
    string? OperationId,
    string MarkedBy,
    DateTimeOffset MarkedAt,
    string? Reason,
    DateTimeOffset? RemovedAt,
    string? RemovedBy,
    string? RemovalReason);
