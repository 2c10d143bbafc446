using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Changes;

/// <summary>
/// One change of a record's person as the feed tells it (or, <see cref="ChangeKind.PersonRetired"/>, of a person):
/// where it sits in commit order, what happened and who did it. Keys and ids only, never demographics.
/// </summary>
/// <param name="Registry">The record's registry; null for a retired person.</param>
/// <param name="LinkKind">The history's kind of the event; null for a retired person (derived, not stored).</param>
public sealed record IdentityChange(FeedPosition Position, string OperationId, string? Registry, string? LocalId, string? PersonBefore,
    string PersonAfter, ChangeKind Kind, LinkKind? LinkKind, ActorKind Actor, string? ModelVersion, DateTimeOffset At);
