using Mpi.Service.Persistence;

namespace Mpi.Service.Persistence.Entities;

/// <summary>A reviewer's answer to a task. Stored as a word (<see cref="Persistence.StoredWords"/>).</summary>
public enum ReviewResolutionKind { SamePerson, DifferentPerson, MergePersons }
