using Mpi.Matching.Blocking;
using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// The blocking keys the record directory indexes and candidate search looks up: one per catalog rule the model uses,
/// hashed under the rule's position in the catalog (not in the model), so that a key means the same whichever model
/// version computed it.
/// </summary>
public static class DirectoryBlockingKeys
{
    public static IReadOnlyList<(long Key, BlockingRule Rule)> Of(NormalizedRecord record, IEnumerable<(BlockingRule Rule, int CatalogOrdinal)> rules) =>
        [.. rules.Select(r => ((long)r.Rule.Key(record, r.CatalogOrdinal), r.Rule))
            .Where(k => k.Item1 != 0)
            .DistinctBy(k => k.Item1)];
}
