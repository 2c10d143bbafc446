namespace Mpi.Service.Fhir;

/// <summary>
/// How our identifiers look in FHIR. A source record's key is an identifier whose system names its registry
/// (<c>urn:mpi:registry:NORTH_HOSP</c>, value the local id); any other identifier is a typed identifier (type from
/// HL7 table 0203 in <c>Identifier.type</c>, the system as its assigning authority); a national id (type NI) with no
/// system is the record's national id.
/// </summary>
public static class FhirIdentifiers
{
    public const string RegistryPrefix = "urn:mpi:registry:";
    public const string IdentifierTypes = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string MatchGrade = "http://hl7.org/fhir/StructureDefinition/match-grade";

    public static string RegistrySystem(string registry) => RegistryPrefix + registry;

    /// <summary>The registry a system names, or null when it is not a registry's.</summary>
    public static string? RegistryOf(string? system) =>
        system is not null && system.StartsWith(RegistryPrefix, StringComparison.Ordinal) ? system[RegistryPrefix.Length..] : null;

    /// <summary>A token parameter <c>system|value</c> split in two; null when it has no bar.</summary>
    public static (string System, string Value)? Token(string? token)
    {
        var bar = token?.IndexOf('|') ?? -1;
        return bar < 0 ? null : (token![..bar], token[(bar + 1)..]);
    }
}
