using Mpi.Matching.Blocking;
using Mpi.Matching.Records;

namespace Mpi.Matching.Scoring;

/// <summary>
/// How many records carry each phone number, each address (line and postal code) and each second address line (with
/// the postal code: a named place such as a village or a hospital): a phone or an address that
/// many records share — a care home, a clinic's switchboard, a shelter — says little about who a patient is. Found
/// from the data, not from a hand-kept list. Values are held as 64-bit hashes (a few bytes per distinct value; a
/// collision only makes a contact look more shared). Not thread-safe.
/// </summary>
public sealed class ContactCounts
{
    private readonly Dictionary<ulong, int> _phones = new();
    private readonly Dictionary<ulong, int> _addresses = new();
    private readonly Dictionary<ulong, int> _secondLines = new();

    /// <summary>
    /// Counts every record's contacts and sets each record's <see cref="NormalizedRecord.PhoneSharedBy"/>,
    /// <see cref="NormalizedRecord.AddressSharedBy"/> and <see cref="NormalizedRecord.AddressLine2SharedBy"/>.
    /// </summary>
    public static void Apply(IReadOnlyList<NormalizedRecord> records)
    {
        var counts = new ContactCounts();
        foreach (var r in records) counts.Add(r);
        foreach (var r in records) counts.Weigh(r, includesItself: true);
    }

    public void Add(NormalizedRecord record) => Change(record, +1);

    public void Remove(NormalizedRecord record) => Change(record, -1);

    /// <summary>Sets how many records share <paramref name="record"/>'s phone and address (<see cref="SharedBy"/>).</summary>
    public void Weigh(NormalizedRecord record, bool includesItself) =>
        (record.PhoneSharedBy, record.AddressSharedBy, record.AddressLine2SharedBy) = SharedBy(record, includesItself);

    /// <summary>
    /// How many records share <paramref name="record"/>'s phone and address: those counted here, and the record itself
    /// when it is not among them.
    /// </summary>
    public ContactShares SharedBy(NormalizedRecord record, bool includesItself)
    {
        var self = includesItself ? 0 : 1;
        return new ContactShares(
            PhoneKey(record) is { } phone ? _phones.GetValueOrDefault(phone) + self : 0,
            AddressKey(record) is { } address ? _addresses.GetValueOrDefault(address) + self : 0,
            SecondLineKey(record) is { } line2 ? _secondLines.GetValueOrDefault(line2) + self : 0);
    }

    private void Change(NormalizedRecord record, int by)
    {
        if (PhoneKey(record) is { } phone) Bump(_phones, phone, by);
        if (AddressKey(record) is { } address) Bump(_addresses, address, by);
        if (SecondLineKey(record) is { } line2) Bump(_secondLines, line2, by);
    }

    private static void Bump(Dictionary<ulong, int> counts, ulong key, int by)
    {
        var count = counts.GetValueOrDefault(key) + by;
        if (count <= 0) counts.Remove(key);
        else counts[key] = count;
    }

    private static ulong? PhoneKey(NormalizedRecord r)
    {
        if (r.Phone.Length == 0) return null;
        var h = BlockingKeyHash.For(0);
        h.Add(r.Phone);
        return h.Value;
    }

    private static ulong? AddressKey(NormalizedRecord r) => LineInArea(1, r.AddressLine, r.PostalCode);

    private static ulong? SecondLineKey(NormalizedRecord r) => LineInArea(2, r.AddressLine2, r.PostalCode);

    private static ulong? LineInArea(int ordinal, string line, string postalCode)
    {
        if (line.Length == 0) return null;
        var h = BlockingKeyHash.For(ordinal);
        h.Add(line);
        h.Add(postalCode);
        return h.Value;
    }
}
