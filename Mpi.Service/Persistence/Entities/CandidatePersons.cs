using System.Collections.Immutable;
using Mpi.Service.Persistence;

namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// The candidate persons of a review task, best first. One column in the store (<see cref="Persistence.StoredWords"/>
/// writes it comma-separated: person ids never hold a comma); a list everywhere else.
/// </summary>
public sealed record CandidatePersons(ImmutableArray<string> PersonIds)
{
    public static CandidatePersons Of(IEnumerable<string> personIds) => new([.. personIds]);

    public int Count => PersonIds.Length;

    /// <summary>The best candidate, or null when there is none.</summary>
    public string? Best => PersonIds.IsEmpty ? null : PersonIds[0];

    public bool Equals(CandidatePersons? other) => other is not null && PersonIds.SequenceEqual(other.PersonIds);

    public override int GetHashCode() => PersonIds.Aggregate(0, (hash, id) => HashCode.Combine(hash, id));
}
