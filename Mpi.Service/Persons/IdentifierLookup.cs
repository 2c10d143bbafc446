using Mpi.Matching.Blocking;
using Mpi.Matching.Records;
using Mpi.Service.Matching;
using Mpi.Service.Security;

namespace Mpi.Service.Persons;

/// <summary>
/// The persons whose active records carry an identifier (type, authority and value, normalised), among the records a
/// caller may see: from the record directory's identifier keys (<see cref="IdentifierBlocking"/>), each record
/// checked to hold the identifier itself.
/// </summary>
public sealed class IdentifierLookup(RecordDirectory directory, CandidateSearch search, ActiveModelHolder model)
{
    public async Task<IReadOnlyList<string>> PersonsHoldingAsync(RecordIdentifier identifier, RegistryScope scope, CancellationToken cancellation)
    {
        await search.ReadyAsync(model.Current, cancellation);
        return [.. directory.WithKey(IdentifierBlocking.Key(identifier.Type, identifier.Authority, identifier.Value))
            .Where(r => IdentifierBlocking.Holds(r.Record, identifier) && scope.Sees(r.Record.Registry))
            .Select(r => r.PersonId).Distinct().Order(StringComparer.Ordinal)];
    }
}
