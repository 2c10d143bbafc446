using Hl7.Fhir.Model;
using Mpi.Contracts.V1;
using Identifier = Hl7.Fhir.Model.Identifier;

namespace Mpi.Service.Fhir;

/// <summary>
/// IHE PIXm's answer: the enterprise person (<c>targetId</c>) and the keys of its other source records
/// (<c>targetIdentifier</c>, registry as system) in the registries the caller may see, only those of the asked
/// target systems when some were named.
/// </summary>
public static class PixResponses
{
    public static Parameters Of(PersonView person, string registry, string localId, IReadOnlySet<string> targetSystems, string baseUrl)
    {
        var answer = new Parameters();
        foreach (var record in person.Records)
        {
            if (record.Key.Registry == registry && record.Key.LocalId == localId) continue;
            var system = FhirIdentifiers.RegistrySystem(record.Key.Registry);
            if (targetSystems.Count > 0 && !targetSystems.Contains(system)) continue;
            answer.Add("targetIdentifier", new Identifier(system, record.Key.LocalId));
        }
        answer.Add("targetId", new ResourceReference($"{baseUrl}Patient/{person.PersonId}"));
        return answer;
    }
}
