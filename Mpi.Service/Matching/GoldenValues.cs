using Mpi.Matching.Normalization;

namespace Mpi.Service.Matching;

/// <summary>
/// The values one record offers to its person's golden view: each field's stored value when it was accepted or
/// normalised (set-aside and missing values never survive). Kept in memory per record so that Match can show a
/// candidate's golden view without reading and normalising the person's records again; an array by field position
/// costs a third of the receipts it is taken from.
/// </summary>
public sealed class GoldenValues
{
    /// <summary>The receipt fields, in the order <see cref="RecordNormalizer"/> writes them.</summary>
    public static readonly string[] Fields =
    [
        "given_name", "middle_name", "family_name", "suffix", "birth_date", "sex", "address_line", "address_line2", "city", "state",
        "postal_code", "phone", "email", "national_id",
    ];

    // Fields whose values repeat across persons (names, dates, places), as opposed to address lines, phones, ids.
    private static readonly bool[] Repeated =
        [.. Fields.Select(f => f is "given_name" or "middle_name" or "family_name" or "suffix" or "birth_date" or "sex" or "city" or "state" or "postal_code")];

    private readonly string?[] _values;

    private GoldenValues(string?[] values) => _values = values;

    /// <param name="share">Gives repeated values one shared instance (the record directory's), or null.</param>
    public static GoldenValues From(IReadOnlyList<FieldReceipt> receipts, Func<string, string>? share = null)
    {
        var values = new string?[Fields.Length];
        foreach (var receipt in receipts)
        {
            if (receipt.Outcome is not (FieldOutcome.Accepted or FieldOutcome.Normalized) || string.IsNullOrEmpty(receipt.Stored)) continue;
            // Identifiers are the records' own (one per registry and authority), shown with each record, not voted on.
            if (TypedIdentifierNormalizer.IsReceiptField(receipt.Field)) continue;
            var position = Array.IndexOf(Fields, receipt.Field);
            if (position < 0) throw new InvalidOperationException($"receipt field {receipt.Field} has no golden position");
            values[position] = share is null || !Repeated[position] ? receipt.Stored : share(receipt.Stored);
        }
        return new GoldenValues(values);
    }

    /// <summary>The value offered for the field at this position of <see cref="Fields"/>, or null.</summary>
    public string? this[int field] => _values[field];
}
