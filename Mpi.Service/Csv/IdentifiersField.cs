using System.Collections.Immutable;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>
/// The <c>identifiers</c> column of a canonical file: <c>TYPE|AUTHORITY|VALUE</c> entries (the form GetPerson's
/// receipts show) separated by <c>;</c>, an empty authority written <c>MR||12345</c>. Only the shape is checked here;
/// each identifier is judged when the record is normalised, as one sent over gRPC is (an invalid one set aside with
/// its receipt, never a refused row).
/// </summary>
internal static class IdentifiersField
{
    public const char EntrySeparator = ';';

    /// <summary>The identifiers of a field (none when it is empty), or why its shape is wrong (naming the entry, never its text).</summary>
    public static (RecordIdentifiers? Identifiers, string? Error) Parse(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return (RecordIdentifiers.None, null);
        var identifiers = ImmutableArray.CreateBuilder<RecordIdentifier>();
        var entries = field.Split(EntrySeparator);
        for (var i = 0; i < entries.Length; i++)
        {
            // A trailing separator or an empty entry between two is a spreadsheet's habit, not an identifier.
            if (string.IsNullOrWhiteSpace(entries[i])) continue;
            var parts = entries[i].Split('|', 3);
            if (parts.Length < 3)
                return (null, $"{CanonicalColumns.Identifiers}: entry {i + 1} has {parts.Length} part{(parts.Length == 1 ? "" : "s")}; " +
                    "each is TYPE|AUTHORITY|VALUE, separated by ';' (no authority: MR||12345)");
            identifiers.Add(new RecordIdentifier(parts[0].Trim(), parts[1].Trim(), parts[2].Trim()));
        }
        return (identifiers.Count == 0 ? RecordIdentifiers.None : new RecordIdentifiers(identifiers.ToImmutable()), null);
    }

    /// <summary>The field <see cref="Parse"/> reads back as <paramref name="identifiers"/>; null when there are none.</summary>
    public static string? Format(RecordIdentifiers identifiers) =>
        identifiers.Items.IsEmpty ? null : string.Join(EntrySeparator, identifiers.Items.Select(TypedIdentifierNormalizer.Received));
}
