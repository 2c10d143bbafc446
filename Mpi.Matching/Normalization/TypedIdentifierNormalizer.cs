using Mpi.Matching.Records;

namespace Mpi.Matching.Normalization;

/// <summary>
/// Normalises an identifier with its type and assigning authority to <c>TYPE|AUTHORITY|VALUE</c>: the type and
/// authority upper-cased and checked (they name things: letters, digits and a few separators), the value as
/// <see cref="IdentifierNormalizer.NationalId"/> normalises a national id (only letters and digits, upper-cased, no
/// placeholders) — national ids keep that normaliser's length bounds, other types may be as short as one character.
/// </summary>
public static class TypedIdentifierNormalizer
{
    public const int MaxTypeLength = 16;
    public const int MaxAuthorityLength = 64;
    public const int MaxValueLength = 64;

    /// <summary>The receipt's form of what was received (the three parts as sent, in the stored order).</summary>
    public static string Received(RecordIdentifier identifier) => Joined(identifier.Type, identifier.Authority, identifier.Value);

    /// <summary>The stored form <c>TYPE|AUTHORITY|VALUE</c> (what <see cref="Normalize"/> returns for normalised parts, and <see cref="Parts"/> reads).</summary>
    public static string Joined(string type, string authority, string value) => $"{type}|{authority}|{value}";

    /// <summary>The receipt field of the <paramref name="index"/>th identifier sent: <c>identifiers[i]</c>.</summary>
    public static string ReceiptField(int index) => $"identifiers[{index}]";

    /// <summary>Whether a receipt is an identifier's (<see cref="ReceiptField"/>) rather than a single field's.</summary>
    public static bool IsReceiptField(string field) => field.StartsWith("identifiers[", StringComparison.Ordinal);

    public static FieldResult Normalize(RecordIdentifier identifier)
    {
        var type = identifier.Type.Trim().ToUpperInvariant();
        if (type.Length == 0) return FieldResult.SetAside("missing type");
        if (type.Length > MaxTypeLength || !type.All(char.IsAsciiLetterOrDigit))
            return FieldResult.SetAside($"invalid type: 1 to {MaxTypeLength} letters or digits (MR, NI, NH, SS …)");
        var authority = identifier.Authority.Trim().ToUpperInvariant();
        if (authority.Length > MaxAuthorityLength || !authority.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '/'))
            return FieldResult.SetAside($"invalid authority: up to {MaxAuthorityLength} letters, digits and . - _ : /");
        if (string.IsNullOrWhiteSpace(identifier.Value)) return FieldResult.SetAside("missing value");
        string value;
        if (type == RecordIdentifier.NationalType)
        {
            var national = IdentifierNormalizer.NationalId(identifier.Value);
            if (!national.HasValue) return national;
            value = national.Value!;
        }
        else
        {
            value = TextCleaner.Clean(identifier.Value).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (value.Length == 0) return FieldResult.SetAside("no letters or digits");
            if (value.Length > MaxValueLength) return FieldResult.SetAside(TextCleaner.TooLong(MaxValueLength));
            if (Placeholders.IsPlaceholderIdentifier(value)) return FieldResult.SetAside("placeholder identifier");
        }
        return FieldResult.Of(Received(identifier), Joined(type, authority, value));
    }

    /// <summary>The parts of a normalised identifier (<see cref="Normalize"/>'s value).</summary>
    public static RecordIdentifier Parts(string normalized)
    {
        var parts = normalized.Split('|', 3);
        return new RecordIdentifier(parts[0], parts[1], parts[2]);
    }
}
