using Hl7.Fhir.Rest;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Fhir;

/// <summary>Firely's own FHIR client against the FHIR face of a running service, sending a key.</summary>
public static class FhirClients
{
    public static FhirClient For(RunningService service, string? key, ReturnPreference preference = ReturnPreference.OperationOutcome)
    {
        var http = new HttpClient();
        if (key is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return new FhirClient($"{service.FhirAddress}/fhir", http, new FhirClientSettings
        {
            PreferredFormat = ResourceFormat.Json, ReturnPreference = preference, VerifyFhirVersion = false,
        });
    }
}
