using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Matching;
using Mpi.Service.Persons;
using Mpi.Service.Security;

namespace Mpi.Service.Desks;

/// <summary>
/// The clerks' person search over the application core: a record key through the audited person reader, an identifier
/// through <see cref="IdentifierLookup"/> and then the reader, a name with a date of birth through Match (each person
/// returned is audited as read, with the clerk's reason). Nothing here decides or scores on its own.
/// </summary>
public sealed class SearchDesk(PersonReader reader, IdentifierLookup identifiers, RecordMatcher matcher, RecordNormalizer normalizer, ActiveModelHolder model)
    : ISearchDesk
{
    /// <summary>How many persons a name search shows at most.</summary>
    public const int MaxByName = 20;

    public async Task<SearchResult> SearchAsync(PersonQuery query, string reason, string actor, IReadOnlyList<string>? withinRegistries,
        CancellationToken cancellation)
    {
        var scope = RegistryScope.Within(withinRegistries);
        if (Filled(query.Registry) && Filled(query.LocalId))
            return await ReadAsync([null], (query.Registry!.Trim(), query.LocalId!.Trim()), reason, actor, scope, cancellation);
        if (Filled(query.IdentifierType) && Filled(query.IdentifierValue))
        {
            var (_, invalid, persons) = await identifiers.FindAsync(new RecordIdentifier(query.IdentifierType!, query.IdentifierAuthority ?? "", query.IdentifierValue!),
                scope, cancellation);
            if (invalid is not null) return new SearchResult([], $"Identifier: {invalid}.");
            return persons.Count == 0 ? await ReadAsync([null], null, reason, actor, scope, cancellation)
                : await ReadAsync([.. persons], null, reason, actor, scope, cancellation);
        }
        if (Filled(query.FamilyName) && Filled(query.BirthDate)) return await ByNameAsync(query, reason, actor, scope, cancellation);
        return new SearchResult([], "Search by registry and local id, by an identifier (type and value), or by family name with date of birth.");
    }

    private async Task<SearchResult> ByNameAsync(PersonQuery query, string reason, string actor, RegistryScope scope, CancellationToken cancellation)
    {
        var normalized = normalizer.Normalize(new PatientRecord("SEARCH", "query") { GivenName = query.GivenName, FamilyName = query.FamilyName, BirthDate = query.BirthDate });
        if (normalized.Receipts.FirstOrDefault(r => r.Outcome == FieldOutcome.SetAside) is { } invalid)
            return new SearchResult([], $"{invalid.Field.Replace('_', ' ')}: {invalid.Reason}.");
        var active = model.Current;
        await matcher.ReadyAsync(active, cancellation);
        var found = await matcher.MatchAsync(normalized, MaxByName, 0, active, scope, actor, reason, cancellation);
        return new SearchResult([.. found.Candidates.Select(c => new PersonHit(c.PersonId, Name(c.Golden), c.Golden.GetValueOrDefault("birth_date"),
            [.. c.Records.Select(r => $"{r.Registry} / {r.LocalId}")], c.Probability))]);
    }

    /// <summary>Each person read through the audited reader (a null id with a key: the record's person; both null: a miss, audited too).</summary>
    private async Task<SearchResult> ReadAsync(IReadOnlyList<string?> personIds, (string, string)? key, string reason, string actor, RegistryScope scope,
        CancellationToken cancellation)
    {
        var hits = new List<PersonHit>();
        foreach (var personId in personIds)
        {
            var read = await reader.ReadAsync(personId, key, scope, actor, reason, cancellation, missSubject: "search");
            if (read.Snapshot is not { } person) continue;
            hits.Add(new PersonHit(person.Person.Id, Name(person.Golden), person.Golden.GetValueOrDefault("birth_date"),
                [.. person.Records.Select(r => $"{r.Record.Registry} / {r.Record.LocalId}")], null));
        }
        return new SearchResult(hits);
    }

    private static string? Name(IReadOnlyDictionary<string, string> golden) =>
        string.Join(' ', new[] { golden.GetValueOrDefault("given_name"), golden.GetValueOrDefault("family_name") }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name
            ? name : null;

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);
}
