using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Mpi.Service.Fhir;
using Mpi.Tests.Service.Grpc;
using Mpi.Tests.Service.Learning;
using Mpi.Tools.Synthetic;
using Task = System.Threading.Tasks.Task;

namespace Mpi.Tests.Service.Fhir;

/// <summary>
/// Patient/$match over the synthetic population's traps (twins, fathers and sons, namesakes, households): with
/// onlyCertainMatches it never answers more than one person, nor one that is not certain, while the same queries
/// without it do list the near misses.
/// </summary>
public sealed class FhirMatchTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public async Task OnlyCertainMatches_OverTheTraps_AtMostOneEntryAndOnlyCertain()
    {
        var population = new SyntheticRegistrations(4_000, seed: 17);
        await SyntheticRegistrations.RegisterAsync(service.Channel, population.Records);
        var traps = population.Records.Where(r => r.Trap != SyntheticTrap.None).Take(150).ToArray();
        Assert.True(traps.Length >= 100, $"only {traps.Length} trap records in the population");
        var client = FhirClients.For(service, service.ApiKey);
        int certainOnly = 0, emptyWhenOnlyCertain = 0, listedNearMisses = 0;

        foreach (var trap in traps)
        {
            var patient = AsPatient(trap);
            var only = await MatchAsync(client, patient, onlyCertain: true);
            Assert.True(only.Entry.Count <= 1, $"{only.Entry.Count} entries with onlyCertainMatches");
            foreach (var entry in only.Entry) Assert.Equal("certain", Grade(entry));
            certainOnly += only.Entry.Count;
            var all = await MatchAsync(client, patient, onlyCertain: false);
            if (only.Entry.Count == 0 && all.Entry.Count > 0) emptyWhenOnlyCertain++;
            if (all.Entry.Count(e => Grade(e) != "certain") > 0) listedNearMisses++;
            Assert.All(all.Entry, e => Assert.Contains(Grade(e), new[] { "certain", "probable", "possible" }));
        }

        Assert.True(certainOnly > 0, "no trap query found its own person with certainty");
        Assert.True(listedNearMisses > 0 && emptyWhenOnlyCertain > 0,
            $"without onlyCertainMatches {listedNearMisses} queries listed near misses, {emptyWhenOnlyCertain} had candidates but no certain one: the traps tested nothing");
    }

    private static async Task<Bundle> MatchAsync(FhirClient client, Patient patient, bool onlyCertain) =>
        (Bundle)(await client.TypeOperationAsync<Patient>("match", new Parameters()
            .Add("resource", patient).Add("count", new Integer(5)).Add("onlyCertainMatches", new FhirBoolean(onlyCertain))))!;

    private static string? Grade(Bundle.EntryComponent entry) => (entry.Search.GetExtensionValue<Code>(FhirIdentifiers.MatchGrade))?.Value;

    /// <summary>The record's demographics as a query Patient (no record key: $match asks, it does not register).</summary>
    private static Patient AsPatient(SyntheticRecord synthetic)
    {
        var r = synthetic.Record;
        // FHIR dates are ISO; the synthetic registries also write US dates, which the service itself would read.
        var birthDate = Mpi.Matching.Normalization.BirthDateNormalizer.Normalize(r.BirthDate, new DateOnly(2026, 12, 1));
        var patient = new Patient { BirthDate = birthDate.HasValue ? birthDate.Value : null };
        var name = new HumanName { Family = r.FamilyName, Given = [.. new[] { r.GivenName, r.MiddleName }.Where(g => !string.IsNullOrEmpty(g))!] };
        if (!string.IsNullOrEmpty(r.Suffix)) name.Suffix = [r.Suffix];
        patient.Name.Add(name);
        patient.Gender = r.Sex switch { "M" => AdministrativeGender.Male, "F" => AdministrativeGender.Female, _ => null };
        if (!string.IsNullOrEmpty(r.AddressLine)) patient.Address.Add(new Address { Line = [r.AddressLine], City = r.City, PostalCode = r.PostalCode });
        if (!string.IsNullOrEmpty(r.Phone)) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, r.Phone));
        if (!string.IsNullOrEmpty(r.NationalId))
            patient.Identifier.Add(new Hl7.Fhir.Model.Identifier { Value = r.NationalId, Type = new CodeableConcept(FhirIdentifiers.IdentifierTypes, "NI") });
        return patient;
    }
}
