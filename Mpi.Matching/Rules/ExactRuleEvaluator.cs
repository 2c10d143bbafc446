using System.Collections.Immutable;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Rules;

/// <summary>
/// Deterministic rules: two records that agree exactly on every field of a rule are the same person, without
/// scoring. Placeholders never fire a rule because normalisation has already set them aside (they are empty), and
/// conflicting suffixes (JR/SR) veto every rule.
/// </summary>
public sealed class ExactRuleEvaluator
{
    private static readonly ImmutableDictionary<string, Func<NormalizedRecord, string>> Fields =
        new Dictionary<string, Func<NormalizedRecord, string>>
        {
            ["given_name"] = r => r.GivenName,
            ["middle_name"] = r => r.MiddleName,
            ["family_name"] = r => r.FamilyName,
            ["birth_date"] = r => r.BirthDigits,
            ["address_line"] = r => r.AddressLine,
            ["postal_code"] = r => r.PostalCode,
            ["phone"] = r => r.Phone,
            ["email"] = r => r.Email,
            // Qualified by its authority: the same number from two authorities is two identifiers.
            ["national_id"] = r => r.NationalIdKey,
        }.ToImmutableDictionary();

    private readonly (string Name, Func<NormalizedRecord, string>[] Fields)[] _rules;

    public ExactRuleEvaluator(IEnumerable<ExactRule> rules)
    {
        _rules = rules.Select(r => (r.Name, r.Fields.Select(Field).ToArray())).ToArray();
    }

    /// <summary>The fields a rule may name.</summary>
    public static IEnumerable<string> KnownFields => Fields.Keys;

    /// <summary>The first rule that links the two records, or null.</summary>
    public string? FirstMatch(NormalizedRecord a, NormalizedRecord b)
    {
        if (a.Suffix.Length > 0 && b.Suffix.Length > 0 && a.Suffix != b.Suffix) return null;
        foreach (var (name, fields) in _rules)
        {
            var all = true;
            foreach (var field in fields)
            {
                var x = field(a);
                if (x.Length == 0 || x != field(b)) { all = false; break; }
            }
            if (all) return name;
        }
        return null;
    }

    private static Func<NormalizedRecord, string> Field(string name) =>
        Fields.TryGetValue(name, out var f)
            ? f
            : throw new InvalidDataException($"rule field '{name}' is unknown; known: {string.Join(", ", Fields.Keys)}");
}
