using Mpi.Matching.Normalization;

namespace Mpi.Service.Persons;

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

    private readonly string?[] _values;

    private GoldenValues(string?[] values) => _values = values;

    public static GoldenValues From(IReadOnlyList<FieldReceipt> receipts)
    {
        var values = new string?[Fields.Length];
        foreach (var receipt in receipts)
        {
            if (receipt.Outcome is not (FieldOutcome.Accepted or FieldOutcome.Normalized) || string.IsNullOrEmpty(receipt.Stored)) continue;
            var position = Array.IndexOf(Fields, receipt.Field);
            if (position < 0) throw new InvalidOperationException($"receipt field {receipt.Field} has no golden position");
            values[position] = receipt.Stored;
        }
        return new GoldenValues(values);
    }

    /// <summary>The surviving-candidate values, field by field.</summary>
    public IEnumerable<(string Field, string Value)> Present()
    {
        for (var i = 0; i < _values.Length; i++)
            if (_values[i] is { } value) yield return (Fields[i], value);
    }
}
