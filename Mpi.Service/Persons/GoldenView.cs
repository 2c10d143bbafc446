using Mpi.Matching.Normalization;

namespace Mpi.Service.Persons;

/// <summary>
/// A person's golden view (survivorship): per field, the normalised value most of its records agree on; a tie goes
/// to the most recently updated record. Set-aside values (placeholders, impossible dates) never survive.
/// </summary>
public static class GoldenView
{
    /// <param name="records">Each record's receipts, most recently updated first.</param>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<IReadOnlyList<FieldReceipt>> records) =>
        Of(records.Select(GoldenValues.From));

    /// <param name="records">Each record's golden values, most recently updated first.</param>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<GoldenValues> records)
    {
        var votes = new Dictionary<string, List<(string Value, int Rank)>>();
        var rank = 0;
        foreach (var values in records)
        {
            foreach (var (field, value) in values.Present())
            {
                if (!votes.TryGetValue(field, out var list)) votes[field] = list = [];
                list.Add((value, rank));
            }
            rank++;
        }
        return votes.ToDictionary(
            v => v.Key,
            v => v.Value.GroupBy(x => x.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Rank)).First().Key);
    }
}
