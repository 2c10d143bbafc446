using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Mpi.Contracts.V1;
using Mpi.Service.Fhir;
using Mpi.Service.Security;
using Mpi.Tests.Service.Grpc;
using Task = System.Threading.Tasks.Task;

namespace Mpi.Tests.Service.Fhir;

/// <summary>
/// The FHIR R4 face driven by Firely's FhirClient against the real service: create (register), read (the golden view),
/// conditional update, PIXm, the CapabilityStatement, and refusals as OperationOutcomes with the element and reason.
/// </summary>
public sealed class FhirPatientTests(RunningService service) : IClassFixture<RunningService>
{
    private static Patient Patient(string registry, string localId, string given = "Rosalind", string family = "Featherstonhaugh", string birthDate = "1961-04-17",
        string phone = "0298765432")
    {
        var patient = new Patient
        {
            Identifier = [new Hl7.Fhir.Model.Identifier(FhirIdentifiers.RegistrySystem(registry), localId)],
            Name = [new HumanName { Family = family, Given = [given] }],
            BirthDate = birthDate,
            Gender = AdministrativeGender.Female,
            Address = [new Address { Line = ["14 Wattle Crescent"], City = "Delmar", PostalCode = "2119" }],
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone)],
        };
        return patient;
    }

    private static async Task<(string PersonId, OperationOutcome Outcome, System.Net.HttpStatusCode Status)> CreateAsync(FhirClient client, Patient patient)
    {
        await client.CreateAsync(patient);
        var location = client.LastResult!.Location!;
        return (location[(location.LastIndexOf('/') + 1)..], (OperationOutcome)client.LastBodyAsResource!, Status(client));
    }

    private static System.Net.HttpStatusCode Status(FhirClient client) => (System.Net.HttpStatusCode)int.Parse(client.LastResult!.Status!.Split(' ')[0],
        System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateTwoRecordsOfOnePerson_ReadShowsOnePatientWithBothKeys_AndPixCrossReferencesThem()
    {
        var client = FhirClients.For(service, service.ApiKey);

        var first = await CreateAsync(client, Patient("NORTH_HOSP", "FH-1"));
        var second = await CreateAsync(client, Patient("SOUTH_LAB", "FS-1"));

        Assert.Equal(System.Net.HttpStatusCode.Created, first.Status);
        Assert.Equal(first.PersonId, second.PersonId);
        Assert.Contains(second.Outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Information && i.Diagnostics?.StartsWith("decision auto_link", StringComparison.Ordinal) == true);
        var read = await client.ReadAsync<Patient>($"Patient/{first.PersonId}");
        Assert.Equal(first.PersonId, read!.Id);
        Assert.True(read.Active);
        Assert.Equal(["urn:mpi:registry:NORTH_HOSP|FH-1", "urn:mpi:registry:SOUTH_LAB|FS-1"], read.Identifier.Select(i => $"{i.System}|{i.Value}").Order(StringComparer.Ordinal));
        Assert.Equal("FEATHERSTONHAUGH", read.Name.Single().Family?.ToUpperInvariant());

        var pix = await client.TypeOperationAsync<Patient>("ihe-pix",
            new Parameters().Add("sourceIdentifier", new Hl7.Fhir.Model.Identifier("urn:mpi:registry:NORTH_HOSP", "FH-1")), useGet: true) as Parameters;
        Assert.Equal(["urn:mpi:registry:SOUTH_LAB|FS-1"], pix!.Parameter.Where(p => p.Name == "targetIdentifier").Select(p => (Hl7.Fhir.Model.Identifier)p.Value!)
            .Select(i => $"{i.System}|{i.Value}"));
        Assert.EndsWith($"Patient/{first.PersonId}", ((ResourceReference)pix.Parameter.Single(p => p.Name == "targetId").Value!).Reference!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConditionalUpdate_OnTheRecordKey_UpdatesTheRecordAndAnswers200WithItsPerson()
    {
        var client = FhirClients.For(service, service.ApiKey);
        var created = await CreateAsync(client, Patient("NORTH_HOSP", "FU-1", given: "Perpetua", family: "Oyelowo-Brant"));
        var moved = Patient("NORTH_HOSP", "FU-1", given: "Perpetua", family: "Oyelowo-Brant");
        moved.Address[0].Line = ["3 Ironbark Close"];

        await client.ConditionalUpdateAsync(moved, new SearchParams().Where("identifier=urn:mpi:registry:NORTH_HOSP|FU-1"));

        Assert.Equal(System.Net.HttpStatusCode.OK, Status(client));
        Assert.EndsWith($"Patient/{created.PersonId}", client.LastResult!.Location, StringComparison.Ordinal);
        Assert.Contains(((OperationOutcome)client.LastBodyAsResource!).Issue, i => i.Diagnostics?.StartsWith("decision updated", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Refusals_AreOperationOutcomesNamingTheElement_WithTheHttpStatusOfTheirKind()
    {
        var client = FhirClients.For(service, service.ApiKey);

        var badPhone = await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(Patient("NORTH_HOSP", "FB-1", phone: "12")));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badPhone.Status);
        Assert.Contains(badPhone.Outcome!.Issue, i => i.Expression.Contains("Patient.telecom.where(system='phone')"));

        var noKey = Patient("NORTH_HOSP", "FB-2");
        noKey.Identifier.Clear();
        var missingKey = await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(noKey));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missingKey.Status);
        Assert.Contains(missingKey.Outcome!.Issue, i => i.Expression.Contains("Patient.identifier"));

        var unknown = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<Patient>("Patient/P0000000000000000000000000000dead"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.Status);

        var anonymous = await Assert.ThrowsAsync<FhirOperationException>(() => FhirClients.For(service, null).CreateAsync(Patient("NORTH_HOSP", "FB-3")));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.Status);

        var labKey = await service.Credentials.IssueAsync("fhir-lab", "SOUTH_LAB", CallerCredential.All);
        var elsewhere = await Assert.ThrowsAsync<FhirOperationException>(() => FhirClients.For(service, labKey).CreateAsync(Patient("NORTH_HOSP", "FB-4")));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, elsewhere.Status);
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var none = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await persons.GetPersonAsync(new GetPersonRequest
        {
            Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "FB-4" },
        }));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Merge_TheRetiredPatientIsInactiveAndReplacedByTheSurvivor()
    {
        var client = FhirClients.For(service, service.ApiKey);
        var survivor = await CreateAsync(client, Patient("NORTH_HOSP", "FM-1", given: "Leopoldine", family: "Achterberg", birthDate: "1944-02-02"));
        var merged = await CreateAsync(client, Patient("SOUTH_LAB", "FM-2", given: "Hyacinth", family: "Vandersloot", birthDate: "1990-09-09", phone: "0291230000"));
        Assert.NotEqual(survivor.PersonId, merged.PersonId);
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var (a, b) = (await persons.GetPersonAsync(new GetPersonRequest { PersonId = survivor.PersonId }),
            await persons.GetPersonAsync(new GetPersonRequest { PersonId = merged.PersonId }));
        await persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = a.PersonId, MergedPersonId = b.PersonId, ExpectedSurvivorVersion = a.Version, ExpectedMergedVersion = b.Version, Reason = "test",
        });

        var retired = await client.ReadAsync<Patient>($"Patient/{merged.PersonId}");

        Assert.False(retired!.Active);
        var link = retired.Link.Single();
        Assert.Equal(Hl7.Fhir.Model.Patient.LinkType.ReplacedBy, link.Type);
        Assert.Equal($"Patient/{survivor.PersonId}", link.Other.Reference);
    }

    [Fact]
    public async Task Metadata_ListsPatientWithMatchAndPix()
    {
        var statement = await FhirClients.For(service, null).CapabilityStatementAsync();

        Assert.Equal(FHIRVersion.N4_0_1, statement!.FhirVersion);
        var patient = statement.Rest.Single().Resource.Single(r => r.Type == "Patient");
        Assert.Equal(["ihe-pix", "match"], patient.Operation.Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LenientHandling_AnUnusablePhoneIsSetAsideWithAWarning_AndTheRecordRegistered()
    {
        using var http = new HttpClient();
        // Nobody else's household: the other tests' patients share an address.
        var patient = Patient("NORTH_HOSP", "FL-1", given: "Cosima", family: "Delacroix-Hume", birthDate: "1977-08-08", phone: "12");
        patient.Address[0].Line = ["2 Coolabah Road"];
        var body = new FhirJsonSerializer().SerializeToString(patient);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.FhirAddress}/fhir/Patient")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/fhir+json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.ApiKey);
        request.Headers.Add("Prefer", "handling=lenient");

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var outcome = new FhirJsonDeserializer().Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync());
        var warning = Assert.Single(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Warning);
        Assert.Equal(["Patient.telecom.where(system='phone')"], warning.Expression);
        Assert.StartsWith("phone: set aside", warning.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OfficialNameSecond_ErrorsNameThatName()
    {
        var client = FhirClients.For(service, service.ApiKey);
        var patient = Patient("NORTH_HOSP", "FN-1");
        patient.Name = [new HumanName { Use = HumanName.NameUse.Nickname, Given = ["Ros"] },
            new HumanName { Use = HumanName.NameUse.Official, Family = "Featherstonhaugh", Given = ["Rosalind"], Suffix = ["not a suffix at all"] }];

        var refused = await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(patient));

        Assert.Contains(refused.Outcome!.Issue, i => i.Expression.Contains("Patient.name[1].suffix[0]"));
        Assert.DoesNotContain(refused.Outcome!.Issue, i => i.Expression.Any(e => e?.StartsWith("Patient.name[0]", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Create_ElementsTheRecordCannotTake_AreWarnedOfByElement()
    {
        var client = FhirClients.For(service, service.ApiKey);
        var patient = Patient("NORTH_HOSP", "FN-2");
        patient.Name = [new HumanName { Text = "Rosalind Featherstonhaugh" }];
        patient.Address = [new Address { Text = "14 Wattle Crescent, Delmar 2119" }];
        patient.Telecom = [new ContactPoint { Value = "0298765432" }];

        var created = await CreateAsync(client, patient);

        var warned = created.Outcome.Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning).SelectMany(i => i.Expression).ToList();
        Assert.Equal(["Patient.name[0].text", "Patient.address[0].text", "Patient.telecom[0]"], warned);
    }

    [Theory]
    [InlineData("application/xml", "<Patient/>", 415)]
    [InlineData("application/fhir+json", "{\"resourceType\":\"Patient\",", 400)]
    [InlineData("application/fhir+json", "{\"resourceType\":\"Observation\",\"status\":\"final\"}", 400)]
    [InlineData("application/fhir+json", "\u0000\u0001binary", 400)]
    public async Task HostileBodies_AreRefusedWithAnOperationOutcome_AndNothingIsRegistered(string contentType, string body, int status)
    {
        using var response = await PostAsync(new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("\"resourceType\":\"OperationOutcome\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_WithoutALength_IsCutOffAt413()
    {
        // Streamed (chunked, no Content-Length): the face must stop reading at the limit, not buffer it all.
        var huge = new string('A', 9 * 1024 * 1024);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Patient\",\"id\":\"{huge}\"}}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fhir+json");
        content.Headers.ContentLength = null;

        using var response = await PostAsync(content);

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.FhirAddress}/fhir/Patient") { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.ApiKey);
        request.Headers.TransferEncodingChunked = content.Headers.ContentLength is null;
        return await http.SendAsync(request);
    }
}
