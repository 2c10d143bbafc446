using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Matching.Blocking;

/// <summary>
/// Finding a person by any of its identifiers: each identifier (type, authority, value) is a key of its own, in a key
/// space apart from the catalog rules', so a record carrying the same MRN of the same hospital is a candidate whatever
/// else differs. Not a model rule: every record's identifiers are indexed, whichever model is active. The national id
/// field counts as the identifier (NI, no authority, value), hashed from its parts so that no key string is held for it.
/// </summary>
public static class IdentifierBlocking
{
    /// <summary>An identifier shared by more records than this is not a lead (a registry's placeholder or a test id).</summary>
    public const int MaxBlockSize = 50;

    /// <summary>Apart from every catalog ordinal (those count up from 0).</summary>
    private const int KeySpace = -1;

    public static BlockingRule Rule { get; } = new("identifier", "Same identifier of the same type and authority", (r, _) => 0, MaxBlockSize);

    /// <summary>The keys of a record's identifiers, the national id field's included.</summary>
    public static IEnumerable<ulong> Keys(NormalizedRecord record)
    {
        if (record.NationalId.Length > 0 && record.NationalIdAuthority.Length == 0) yield return Key(RecordIdentifier.NationalType, "", record.NationalId);
        foreach (var held in record.IdentifierKeys)
        {
            var parts = TypedIdentifierNormalizer.Parts(held);
            yield return Key(parts.Type, parts.Authority, parts.Value);
        }
    }

    /// <summary>The key of one normalised identifier.</summary>
    public static ulong Key(string type, string authority, string value)
    {
        var hash = BlockingKeyHash.For(KeySpace);
        hash.Add(type);
        hash.Add(authority);
        hash.Add(value);
        return hash.Value;
    }

    /// <summary>Whether the record carries the normalised identifier (a key's block may hold another by a hash collision).</summary>
    public static bool Holds(NormalizedRecord record, RecordIdentifier identifier) =>
        (identifier.Type == RecordIdentifier.NationalType && identifier.Authority == record.NationalIdAuthority && identifier.Value == record.NationalId)
        || record.IdentifierKeys.Contains(TypedIdentifierNormalizer.Joined(identifier.Type, identifier.Authority, identifier.Value));
}
