using Mpi.Matching.Blocking;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Matching;
using Mpi.Service.Security;

namespace Mpi.Service.Persons;

/// <summary>
/// The persons whose active records carry an identifier as sent (type, authority and value, normalised here as
/// registration normalises them), among the records a caller may see: from the record directory's identifier keys
/// (<see cref="IdentifierBlocking"/>), each record checked to hold the identifier itself.
/// </summary>
public sealed class IdentifierLookup(RecordDirectory directory, CandidateSearch search, ActiveModelHolder model)
{
    public async Task<IdentifierHolders> FindAsync(RecordIdentifier sent, RegistryScope scope, CancellationToken cancellation)
    {
        var normalized = TypedIdentifierNormalizer.Normalize(sent);
        if (!normalized.HasValue) return new IdentifierHolders(null, normalized.Reason ?? "missing", []);
        var identifier = TypedIdentifierNormalizer.Parts(normalized.Value!);
        await search.ReadyAsync(model.Current, cancellation);
        return new IdentifierHolders(identifier, null, [.. directory.WithKey(IdentifierBlocking.Key(identifier.Type, identifier.Authority, identifier.Value))
            .Where(r => IdentifierBlocking.Holds(r.Record, identifier) && scope.Sees(r.Record.Registry))
            .Select(r => r.PersonId).Distinct().Order(StringComparer.Ordinal)]);
    }
}

/// <summary>An identifier looked up: as normalised (null when invalid, with why), and the persons holding it.</summary>
public sealed record IdentifierHolders(RecordIdentifier? Identifier, string? Invalid, IReadOnlyList<string> Persons);
