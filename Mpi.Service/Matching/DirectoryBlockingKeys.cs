using Mpi.Matching.Blocking;
using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// The blocking keys the record directory indexes and candidate search looks up: one per catalog rule the model uses,
/// hashed under the rule's position in the catalog (not in the model), so that a key means the same whichever model
/// version computed it. Each of the record's identifiers is a key too (<see cref="IdentifierBlocking"/>), whatever the
/// model, so that a person is found by any identifier.
/// </summary>
public static class DirectoryBlockingKeys
{
    /// <remarks>A rule that yields no key (a field missing) is left out, and a key two rules share is kept once.</remarks>
    public static IReadOnlyList<(long Key, BlockingRule Rule)> Of(NormalizedRecord record, IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> rules)
    {
        var keys = new List<(long Key, BlockingRule Rule)>(rules.Count);
        foreach (var (rule, ordinal) in rules)
        {
            var key = (long)rule.Key(record, ordinal);
            if (key != 0 && !Holds(keys, key)) keys.Add((key, rule));
        }
        foreach (var identifier in IdentifierBlocking.Keys(record))
            if (!Holds(keys, (long)identifier)) keys.Add(((long)identifier, IdentifierBlocking.Rule));
        return keys;
    }

    private static bool Holds(List<(long Key, BlockingRule Rule)> keys, long key)
    {
        foreach (var held in keys)
            if (held.Key == key) return true;
        return false;
    }
}
