using System.Collections.Immutable;
using Mpi.Contracts.V1;
using FieldOutcome = Mpi.Matching.Normalization.FieldOutcome;
using Mpi.Matching.Normalization;
using Mpi.Service.Csv;

namespace Mpi.Service.Grpc;

/// <summary>
/// What makes a registration unacceptable, field by field: a missing or invalid registry (<see cref="RegistryCodeRule"/>)
/// or local id (control characters, over 100 characters), a field longer
/// than 1,000 characters, and — unless the caller chose to have them set aside — a value normalisation had to set
/// aside for a reason other than being a placeholder (impossible or future date, unknown sex code…). Placeholders are
/// never an error: they are set aside and reported in the receipt.
/// </summary>
public static class RegisterRequestValidator
{
    public const int MaxRegistryLength = 64;

    /// <summary>What a registry code may hold: it names a source system in keys, URLs, metrics labels and log lines.</summary>
    public const string RegistryCodeRule = "invalid characters: a registry code is ASCII letters, digits and _ - . : / (starting with a letter or digit)";

    /// <summary>True for a code of <see cref="RegistryCodeRule"/>'s characters (no spaces, no control characters).</summary>
    public static bool IsRegistryCode(string code) =>
        code.Length > 0 && char.IsAsciiLetterOrDigit(code[0]) && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/');

    public static ImmutableArray<(string Field, string Reason)> Violations(RecordKey? key, Demographics? demographics,
        InvalidFieldPolicy policy, ImmutableArray<Mpi.Matching.Normalization.FieldReceipt> receipts, bool keyRequired = true)
    {
        var violations = ImmutableArray.CreateBuilder<(string, string)>();
        if (keyRequired)
        {
            if (string.IsNullOrWhiteSpace(key?.Registry)) violations.Add(("key.registry", "missing"));
            else if (key.Registry.Trim().Length > MaxRegistryLength) violations.Add(("key.registry", $"longer than {MaxRegistryLength} characters"));
            else if (!IsRegistryCode(key.Registry.Trim())) violations.Add(("key.registry", RegistryCodeRule));
            var localId = IdentifierNormalizer.LocalId(key?.LocalId);
            if (localId.Outcome == FieldOutcome.Missing) violations.Add(("key.local_id", "missing"));
            else if (localId.Outcome == FieldOutcome.SetAside) violations.Add(("key.local_id", localId.Reason!));
        }
        if (demographics is not null)
            foreach (var field in Demographics.Descriptor.Fields.InFieldNumberOrder())
                if (field.Accessor.GetValue(demographics) is string { Length: > CsvReadOptions.DefaultMaxFieldLength } value)
                    violations.Add(($"demographics.{field.Name}", $"longer than {CsvReadOptions.DefaultMaxFieldLength} characters ({value.Length} sent)"));
        if (policy != InvalidFieldPolicy.SetAside)
            foreach (var receipt in receipts.Where(r => r.Outcome == FieldOutcome.SetAside && !r.Reason!.StartsWith("placeholder", StringComparison.Ordinal)))
                violations.Add(($"demographics.{receipt.Field}", receipt.Reason!));
        return violations.ToImmutable();
    }
}
