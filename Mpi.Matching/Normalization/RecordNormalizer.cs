using System.Collections.Immutable;
using Mpi.Matching.Nicknames;
using Mpi.Matching.Phonetics;
using Mpi.Matching.Records;

namespace Mpi.Matching.Normalization;

/// <summary>
/// Turns a received record into the normalised form the matcher reads (docs/decisions.md, pipeline step 1), with a receipt per field,
/// and derives the keys: Double Metaphone codes of the names and the given name's nickname groups. A generational
/// suffix written into a name ("John Smith Jr") moves to the suffix field when that field is empty.
/// </summary>
public sealed class RecordNormalizer(TimeProvider time, NicknameTable? nicknames = null)
{
    private readonly NicknameTable _nicknames = nicknames ?? NicknameTable.Default;

    /// <param name="raw">The record as received.</param>
    /// <param name="detail">Every field's receipt (what a sender is answered), or only those of fields set aside (what
    /// a batch counts; fifteen receipts a record are most of what normalising a million records allocates).</param>
    public NormalizationResult Normalize(PatientRecord raw, ReceiptDetail detail = ReceiptDetail.EveryField)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var receipts = new Receipts(detail);

        var given = Receipt(receipts, "given_name", raw.GivenName, NameNormalizer.Given(raw.GivenName, out var givenSuffix));
        var middle = Receipt(receipts, "middle_name", raw.MiddleName, NameNormalizer.Middle(raw.MiddleName, out var middleSuffix));
        var family = Receipt(receipts, "family_name", raw.FamilyName, NameNormalizer.Family(raw.FamilyName, out var familySuffix));
        var suffix = Suffix(receipts, raw.Suffix, familySuffix ?? middleSuffix ?? givenSuffix);

        var birthDate = Receipt(receipts, "birth_date", raw.BirthDate, BirthDateNormalizer.Normalize(raw.BirthDate, today));
        BirthDate.TryParseNormalized(birthDate, out var birth);
        var sex = Receipt(receipts, "sex", raw.Sex, SexCodeNormalizer.Normalize(raw.Sex));
        var address = Receipt(receipts, "address_line", raw.AddressLine, AddressNormalizer.Line(raw.AddressLine));
        var address2 = Receipt(receipts, "address_line2", raw.AddressLine2, AddressNormalizer.Line(raw.AddressLine2));
        var city = Receipt(receipts, "city", raw.City, AddressNormalizer.City(raw.City));
        var state = Receipt(receipts, "state", raw.State, AddressNormalizer.State(raw.State));
        var postal = Receipt(receipts, "postal_code", raw.PostalCode, PostalCodeNormalizer.Normalize(raw.PostalCode));
        var phone = Receipt(receipts, "phone", raw.Phone, PhoneNormalizer.Normalize(raw.Phone));
        var email = Receipt(receipts, "email", raw.Email, EmailNormalizer.Normalize(raw.Email));
        var nationalId = Receipt(receipts, "national_id", raw.NationalId, IdentifierNormalizer.NationalId(raw.NationalId));
        var (identifierKeys, national) = Identifiers(receipts, raw.Identifiers, nationalId);

        // Given and middle names keep their word breaks in the receipt (MARY JANE); the matcher compares them joined.
        var givenKey = given.Replace(" ", "", StringComparison.Ordinal);
        var record = new NormalizedRecord
        {
            Registry = raw.Registry.Trim(),
            LocalId = raw.LocalId.Trim(),
            GivenName = givenKey,
            MiddleName = middle.Replace(" ", "", StringComparison.Ordinal),
            FamilyName = family,
            Suffix = suffix,
            BirthYear = birthDate.Length == 0 ? 0 : birth.Year,
            BirthMonth = birthDate.Length == 0 ? 0 : birth.Month,
            BirthDay = birthDate.Length == 0 ? 0 : birth.Day,
            BirthDigits = birthDate.Replace("-", "", StringComparison.Ordinal),
            Sex = SexCodeNormalizer.IsInformative(sex) ? sex[0] : '\0',
            AddressLine = address,
            AddressLine2 = address2,
            City = city,
            State = state,
            PostalCode = postal,
            Phone = phone,
            Email = email,
            NationalId = national.Value,
            NationalIdAuthority = national.Authority,
            IdentifierKeys = identifierKeys,
            GivenPhonetic = givenKey.Length == 0 ? "" : DoubleMetaphone.Encode(givenKey).Primary,
            FamilyPhonetic = family.Length == 0 ? "" : DoubleMetaphone.Encode(family).Primary,
            GivenNameGroups = NicknameGroups(given),
        };
        return new NormalizationResult(record, receipts.ToImmutable());
    }

    /// <summary>
    /// Each identifier with its receipt (<c>identifiers[i]</c>), and the national id the comparison and rules use: the
    /// national id field when sent (no authority), else the first identifier of type NI with its authority. The national
    /// id field is not repeated among the keys (<see cref="Blocking.IdentifierBlocking"/> finds it from the record).
    /// </summary>
    private static (ImmutableArray<string> Keys, (string Value, string Authority) National) Identifiers(Receipts receipts, RecordIdentifiers identifiers,
        string nationalId)
    {
        if (identifiers.Items.Length == 0) return ([], (nationalId, ""));
        var keys = ImmutableArray.CreateBuilder<string>(identifiers.Items.Length);
        var national = (Value: nationalId, Authority: "");
        for (var i = 0; i < identifiers.Items.Length; i++)
        {
            var identifier = identifiers.Items[i];
            var stored = Receipt(receipts, TypedIdentifierNormalizer.ReceiptField(i), TypedIdentifierNormalizer.Received(identifier),
                TypedIdentifierNormalizer.Normalize(identifier));
            if (stored.Length == 0 || keys.Contains(stored)) continue;
            keys.Add(stored);
            var parts = TypedIdentifierNormalizer.Parts(stored);
            if (national.Value.Length == 0 && parts.Type == RecordIdentifier.NationalType) national = (parts.Value, parts.Authority);
        }
        return (keys.ToImmutable(), national);
    }

    /// <summary>The suffix field, or — when it is empty — a suffix found at the end of a name.</summary>
    private static string Suffix(Receipts receipts, string? raw, string? fromName)
    {
        var result = SuffixNormalizer.Normalize(raw);
        if (result.Outcome != FieldOutcome.Missing || fromName is null) return Receipt(receipts, "suffix", raw, result);
        if (receipts.Keeps(FieldOutcome.Normalized)) receipts.Add(new FieldReceipt("suffix", raw, fromName, FieldOutcome.Normalized, "taken from the end of the name"));
        return fromName;
    }

    /// <summary>Nickname groups of the whole given name, or else of its first word (MARY JANE → MARY's groups).</summary>
    private ImmutableArray<int> NicknameGroups(string given)
    {
        if (given.Length == 0) return [];
        var groups = _nicknames.GroupsOf(given);
        if (groups.Count == 0 && given.IndexOf(' ') is var space and > 0) groups = _nicknames.GroupsOf(given[..space]);
        return [.. groups];
    }

    private static string Receipt(Receipts receipts, string field, string? raw, FieldResult result)
    {
        if (receipts.Keeps(result.Outcome)) receipts.Add(new FieldReceipt(field, raw, result.Value, result.Outcome, result.Reason));
        return result.HasValue ? result.Value! : "";
    }

    /// <summary>The receipts of one record, all of them or those of fields set aside only.</summary>
    private sealed class Receipts(ReceiptDetail detail)
    {
        private ImmutableArray<FieldReceipt>.Builder? _kept;

        public bool Keeps(FieldOutcome outcome) => detail == ReceiptDetail.EveryField || outcome == FieldOutcome.SetAside;

        public void Add(FieldReceipt receipt) => (_kept ??= ImmutableArray.CreateBuilder<FieldReceipt>(detail == ReceiptDetail.EveryField ? 15 : 1)).Add(receipt);

        public ImmutableArray<FieldReceipt> ToImmutable() =>
            _kept is null ? [] : _kept.Count == _kept.Capacity ? _kept.MoveToImmutable() : _kept.ToImmutable();
    }
}
