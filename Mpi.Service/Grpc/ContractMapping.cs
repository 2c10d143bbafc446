using Google.Protobuf.Collections;
using Mpi.Contracts.V1;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Domain = Mpi.Matching;

namespace Mpi.Service.Grpc;

/// <summary>Between the wire messages of mpi.v1 and the domain types. No logic beyond renaming.</summary>
public static class ContractMapping
{
    public static PatientRecord ToPatientRecord(RecordKey? key, Demographics? d) => new(key?.Registry ?? "", key?.LocalId ?? "")
    {
        GivenName = Value(d?.GivenName), MiddleName = Value(d?.MiddleName), FamilyName = Value(d?.FamilyName), Suffix = Value(d?.Suffix),
        BirthDate = Value(d?.BirthDate), Sex = Value(d?.Sex), AddressLine = Value(d?.AddressLine), AddressLine2 = Value(d?.AddressLine2),
        City = Value(d?.City), State = Value(d?.State), PostalCode = Value(d?.PostalCode), Phone = Value(d?.Phone), Email = Value(d?.Email),
        NationalId = Value(d?.NationalId),
        Identifiers = d is null || d.Identifiers.Count == 0 ? Domain.Records.RecordIdentifiers.None
            : new Domain.Records.RecordIdentifiers([.. d.Identifiers.Select(i => new Domain.Records.RecordIdentifier(i.Type, i.Authority, i.Value))]),
    };

    public static void AddReceipts(RepeatedField<FieldReceipt> into, IEnumerable<Domain.Normalization.FieldReceipt> receipts)
    {
        // Added as one array: one by one, the repeated field grows (and copies) several times on every call.
        into.AddRange([.. receipts.Where(r => r.Outcome != Domain.Normalization.FieldOutcome.Missing).Select(r => new FieldReceipt
        {
            Field = r.Field, Received = r.Received ?? "", Stored = r.Stored ?? "", Outcome = Outcome(r.Outcome), Reason = r.Reason ?? "",
        })]);
    }

    public static Mpi.Contracts.V1.ScoreExplanation? ToContract(Domain.Scoring.ScoreExplanation? e)
    {
        if (e is null) return null;
        var result = new Mpi.Contracts.V1.ScoreExplanation
        {
            PriorWeight = e.PriorWeight, MatchWeight = e.MatchWeight, Probability = e.Probability, Guard = Guard(e.Guard),
        };
        result.Comparisons.Add(e.Comparisons.Select(c => new Mpi.Contracts.V1.ComparisonOutcome
        {
            Comparison = c.Comparison, Level = c.Level, Label = c.Label, Weight = c.Weight, TermFrequencyAdjusted = c.TermFrequencyAdjusted,
        }));
        return result;
    }

    public static Decision ToContract(Registration.RegistrationDecision decision) => decision switch
    {
        Registration.RegistrationDecision.RuleLink => Decision.RuleLink,
        Registration.RegistrationDecision.AutoLink => Decision.AutoLink,
        Registration.RegistrationDecision.Review => Decision.Review,
        Registration.RegistrationDecision.New => Decision.New,
        _ => Decision.Updated,
    };

    public static Registration.RegistrationDecision FromContract(Decision decision) => decision switch
    {
        Decision.RuleLink => Registration.RegistrationDecision.RuleLink,
        Decision.AutoLink => Registration.RegistrationDecision.AutoLink,
        Decision.Review => Registration.RegistrationDecision.Review,
        Decision.New => Registration.RegistrationDecision.New,
        _ => Registration.RegistrationDecision.Updated,
    };

    public static Mpi.Contracts.V1.PairGuard Guard(Domain.Scoring.PairGuard guard) => guard switch
    {
        Domain.Scoring.PairGuard.AtMostReview => Mpi.Contracts.V1.PairGuard.AtMostReview,
        Domain.Scoring.PairGuard.CannotLink => Mpi.Contracts.V1.PairGuard.CannotLink,
        _ => Mpi.Contracts.V1.PairGuard.None,
    };

    public static Demographics ToDemographics(PatientRecord r) => new()
    {
        GivenName = r.GivenName ?? "", MiddleName = r.MiddleName ?? "", FamilyName = r.FamilyName ?? "", Suffix = r.Suffix ?? "",
        BirthDate = r.BirthDate ?? "", Sex = r.Sex ?? "", AddressLine = r.AddressLine ?? "", AddressLine2 = r.AddressLine2 ?? "",
        City = r.City ?? "", State = r.State ?? "", PostalCode = r.PostalCode ?? "", Phone = r.Phone ?? "", Email = r.Email ?? "",
        NationalId = r.NationalId ?? "",
        Identifiers = { r.Identifiers.Items.Select(i => new Identifier { Type = i.Type, Authority = i.Authority, Value = i.Value }) },
    };

    /// <summary>
    /// A source record's demographics as the contract shows them in responses: each field's normalised value as
    /// stored and matched on (its receipt's), empty when it was missing or set aside. The received values travel in
    /// the receipts.
    /// </summary>
    public static Demographics ToStoredDemographics(IEnumerable<Domain.Normalization.FieldReceipt> receipts)
    {
        var kept = receipts
            .Where(r => r.Outcome is Domain.Normalization.FieldOutcome.Accepted or Domain.Normalization.FieldOutcome.Normalized && r.Stored is not null).ToList();
        // An identifier's receipt is one per identifier sent, not a field of its own name.
        var identifiers = kept.ToLookup(r => Domain.Normalization.TypedIdentifierNormalizer.IsReceiptField(r.Field));
        var demographics = ToGolden(identifiers[false].ToDictionary(r => r.Field, r => r.Stored!));
        foreach (var identifier in identifiers[true].Select(r => Domain.Normalization.TypedIdentifierNormalizer.Parts(r.Stored!)))
            demographics.Identifiers.Add(new Identifier { Type = identifier.Type, Authority = identifier.Authority, Value = identifier.Value });
        return demographics;
    }

    /// <summary>A golden view (field name → normalised value) as Demographics; the field names are the contract's.</summary>
    public static Demographics ToGolden(IReadOnlyDictionary<string, string> golden)
    {
        var d = new Demographics();
        foreach (var field in Demographics.Descriptor.Fields.InFieldNumberOrder())
            if (golden.TryGetValue(field.Name, out var value)) field.Accessor.SetValue(d, value);
        return d;
    }

    private static FieldOutcome Outcome(Domain.Normalization.FieldOutcome outcome) => outcome switch
    {
        Domain.Normalization.FieldOutcome.Accepted => FieldOutcome.Accepted,
        Domain.Normalization.FieldOutcome.Normalized => FieldOutcome.Normalized,
        Domain.Normalization.FieldOutcome.SetAside => FieldOutcome.SetAside,
        _ => FieldOutcome.Missing,
    };

    /// <summary>An optional request string (a reason, a filter): trimmed, or null when empty or blank.</summary>
    public static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>proto3 strings are never null: empty means "not sent".</summary>
    private static string? Value(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
