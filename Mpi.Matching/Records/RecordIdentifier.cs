using System.Collections.Immutable;

namespace Mpi.Matching.Records;

/// <summary>
/// One identifier a record carries, as received: its type (HL7 table 0203 codes such as <c>MR</c> medical record
/// number, <c>NI</c> national identifier, <c>NH</c> national health plan, <c>SS</c> social security, <c>PI</c> patient
/// internal), the authority that assigned it (empty when not said) and its value.
/// </summary>
public sealed record RecordIdentifier(string Type, string Authority, string Value)
{
    /// <summary>The national identifier type; the record's legacy national id field is one of these with no authority.</summary>
    public const string NationalType = "NI";
}

/// <summary>
/// The identifiers of a record, compared by value (two records with the same identifiers in the same order are equal),
/// so that a re-sent record with the same identifiers is recognised as unchanged.
/// </summary>
public sealed class RecordIdentifiers(ImmutableArray<RecordIdentifier> items) : IEquatable<RecordIdentifiers>
{
    public static RecordIdentifiers None { get; } = new([]);

    public ImmutableArray<RecordIdentifier> Items { get; } = items.IsDefault ? [] : items;

    public bool Equals(RecordIdentifiers? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as RecordIdentifiers);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }
}
