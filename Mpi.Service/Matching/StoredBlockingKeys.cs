using Mpi.Matching.Blocking;
using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// The blocking keys the service stores and searches: one per catalog rule the model uses, hashed under the rule's
/// position in the catalog (not in the model), so that keys stay valid when a model version adds or drops a rule.
/// </summary>
public static class StoredBlockingKeys
{
    public static IReadOnlyList<(long Key, BlockingRule Rule)> Of(NormalizedRecord record, IEnumerable<(BlockingRule Rule, int CatalogOrdinal)> rules) =>
        [.. rules.Select(r => ((long)r.Rule.Key(record, r.CatalogOrdinal), r.Rule))
            .Where(k => k.Item1 != 0)
            .DistinctBy(k => k.Item1)];
}
