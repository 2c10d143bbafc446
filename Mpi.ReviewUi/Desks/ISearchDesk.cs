namespace Mpi.ReviewUi.Desks;

/// <summary>Finding persons for a clerk: every search is audited with its reason, as a read of each person found.</summary>
public interface ISearchDesk
{
    /// <param name="withinRegistries">A clerk's registries: only persons with a record there are found, with those records (null: every registry).</param>
    Task<SearchResult> SearchAsync(PersonQuery query, string reason, string actor, IReadOnlyList<string>? withinRegistries, CancellationToken cancellation);
}

/// <summary>
/// What a clerk searches by: a registry and local id, or an identifier (type, authority, value), or a name with a date
/// of birth (given name optional). The first of these that is filled in is used.
/// </summary>
public sealed record PersonQuery(string? Registry, string? LocalId, string? IdentifierType, string? IdentifierAuthority, string? IdentifierValue,
    string? GivenName, string? FamilyName, string? BirthDate);

/// <summary>The persons found (best first), or why the query could not be run (nothing to search by, an invalid value).</summary>
public sealed record SearchResult(IReadOnlyList<PersonHit> Persons, string? Problem = null);

/// <summary>A person found: its golden name and date of birth, its records' keys, and the match probability when found by name.</summary>
public sealed record PersonHit(string PersonId, string? Name, string? BirthDate, IReadOnlyList<string> Records, double? Probability);
