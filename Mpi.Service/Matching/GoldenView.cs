using Mpi.Matching.Normalization;

namespace Mpi.Service.Matching;

/// <summary>
/// A person's golden view (survivorship): per field, the normalised value most of its records agree on; a tie goes
/// to the most recently updated record. Set-aside values (placeholders, impossible dates) never survive.
/// </summary>
public static class GoldenView
{
    /// <param name="records">Each record's receipts, most recently updated first.</param>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<IReadOnlyList<FieldReceipt>> records) =>
        Of([.. records.Select(r => GoldenValues.From(r))]);

    /// <param name="records">Each record's golden values, most recently updated first.</param>
    /// <remarks>
    /// Counted field by field over the few records a person has, without grouping: Match shows the golden view of
    /// several candidates on every call.
    /// </remarks>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<GoldenValues> records)
    {
        var golden = new Dictionary<string, string>(GoldenValues.Fields.Length);
        for (var field = 0; field < GoldenValues.Fields.Length; field++)
        {
            string? winner = null;
            var most = 0;
            for (var i = 0; i < records.Count; i++)
            {
                if (records[i][field] is not { } value) continue;
                var votes = 1;
                for (var j = i + 1; j < records.Count; j++)
                    if (records[j][field] == value) votes++;
                // Strictly more: on a tie the earlier (more recently updated) record's value stays.
                if (votes > most) (winner, most) = (value, votes);
            }
            if (winner is not null) golden[GoldenValues.Fields[field]] = winner;
        }
        return golden;
    }
}
