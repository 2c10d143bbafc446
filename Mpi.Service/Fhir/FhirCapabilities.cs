using Hl7.Fhir.Model;

namespace Mpi.Service.Fhir;

/// <summary>What the FHIR face serves, as its CapabilityStatement (<c>GET /fhir/metadata</c>).</summary>
public static class FhirCapabilities
{
    public static CapabilityStatement Statement(string baseUrl)
    {
        var patient = new CapabilityStatement.ResourceComponent
        {
            Type = "Patient",
            Interaction =
            [
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Create },
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Update },
            ],
            ConditionalCreate = false,
            ConditionalUpdate = true,
            UpdateCreate = true,
            Operation =
            [
                new() { Name = "match", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-match" },
                new() { Name = "ihe-pix", Definition = "https://profiles.ihe.net/ITI/PIXm/OperationDefinition/IHE.PIXm.pix" },
            ],
        };
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "Authorization: Bearer <API key>, the same keys and registry scopes as the gRPC API. A source record's key is the "
                + $"identifier with system {FhirIdentifiers.RegistryPrefix}<registry>.",
            Resource = [patient],
        };
        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-12-06",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "MPI" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Master Patient Index: FHIR R4 face", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            Rest = [rest],
        };
    }
}
