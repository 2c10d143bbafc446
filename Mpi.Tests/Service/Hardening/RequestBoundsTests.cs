using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// Arguments the contract bounds, sent out of bounds: each is INVALID_ARGUMENT naming the field (gRPC) or a 400
/// OperationOutcome (FHIR), where they had been clamped, ignored, stored under a wrong key or failed as UNKNOWN or 500.
/// </summary>
public sealed class RequestBoundsTests(RunningService service) : IClassFixture<RunningService>
{
    private static async Task<string> InvalidField(Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field;
    }

    private static Demographics Someone => new() { GivenName = "Araminta", FamilyName = "Coldwell", BirthDate = "1966-03-14" };

    [Theory]
    [InlineData(51, 0.0, "top_k")]
    [InlineData(-1, 0.0, "top_k")]
    [InlineData(5, 1.5, "min_probability")]
    [InlineData(5, -0.1, "min_probability")]
    [InlineData(5, double.NaN, "min_probability")]
    public async Task Match_OutOfItsBounds_NamesTheField(int topK, double minProbability, string field)
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);

        Assert.Equal(field, await InvalidField(registration.MatchAsync(new MatchRequest { Demographics = Someone, TopK = topK, MinProbability = minProbability }).ResponseAsync));
    }

    [Fact]
    public async Task Match_WithNoDemographicField_NamesDemographics()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);

        Assert.Equal("demographics", await InvalidField(registration.MatchAsync(new MatchRequest { Demographics = new Demographics() }).ResponseAsync));
        Assert.NotNull(await registration.MatchAsync(new MatchRequest { Demographics = Someone, TopK = 50, MinProbability = 1 }));
    }

    public static TheoryData<string, ListTasksRequest> OutOfBoundsLists() => new()
    {
        { "page_size", new ListTasksRequest { PageSize = 501 } },
        { "page_size", new ListTasksRequest { PageSize = -1 } },
        { "min_probability", new ListTasksRequest { MinProbability = double.NaN } },
        { "max_probability", new ListTasksRequest { MaxProbability = 2 } },
        { "min_probability", new ListTasksRequest { MinProbability = 0.8, MaxProbability = 0.2 } },
        { "states", new ListTasksRequest { States = { (ReviewTaskState)99 } } },
        { "older_than", new ListTasksRequest { OlderThan = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1_000_000_000_000 } } },
        { "older_than", new ListTasksRequest { OlderThan = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -1 } } },
    };

    [Theory]
    [MemberData(nameof(OutOfBoundsLists))]
    public async Task ListTasks_OutOfItsBounds_NamesTheField(string field, ListTasksRequest request)
    {
        var review = new ReviewService.ReviewServiceClient(service.Channel);

        Assert.Equal(field, await InvalidField(review.ListTasksAsync(request).ResponseAsync));
    }

    [Fact]
    public async Task UpdateThresholds_WithNaNOrNoThreshold_IsRefusedAndTheActiveVersionStays()
    {
        var models = new ModelService.ModelServiceClient(service.Channel);
        var active = (await models.GetModelAsync(new GetModelRequest())).Version;

        Assert.Equal("thresholds", await InvalidField(models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = active, AutoLink = double.NaN, Reason = "test",
        }).ResponseAsync));
        Assert.Equal("auto_link", await InvalidField(models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = active, Reason = "nothing to change",
        }).ResponseAsync));

        Assert.Equal(active, (await models.GetModelAsync(new GetModelRequest())).Version);
    }

    [Fact]
    public async Task Register_WithSomethingElseInPlaceOfTheRegistry_NamesItInvalidInTheMetrics()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        var swapped = new RegisterRequest { Key = new RecordKey { Registry = "MRN 5528164", LocalId = "NORTH" }, Demographics = Someone };

        Assert.Equal("key.registry", await InvalidField(registration.RegisterAsync(swapped).ResponseAsync));

        using var http = new HttpClient { BaseAddress = new Uri(service.MetricsAddress) };
        var metrics = await http.GetStringAsync("/metrics");
        Assert.DoesNotContain("5528164", metrics, StringComparison.Ordinal);
        Assert.Contains("registry=\"(invalid)\"", metrics, StringComparison.Ordinal);
    }

    private HttpClient Fhir()
    {
        var http = new HttpClient { BaseAddress = new Uri($"{service.FhirAddress}/fhir/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.ApiKey);
        return http;
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return content;
    }

    private static ByteArrayContent Body(string text) => Body(Encoding.UTF8.GetBytes(text));

    private const string Patient = """
        {"resourceType":"Patient","identifier":[{"system":"urn:mpi:registry:BOUNDS","value":"P-1"}],
         "name":[{"family":"Coldwell","given":["Araminta"]}],"birthDate":"1966-03-14"}
        """;

    /// <summary>A 400 whose OperationOutcome says <paramref name="says"/>.</summary>
    private static async Task AssertRefused(HttpResponseMessage response, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("\"OperationOutcome\"", body, StringComparison.Ordinal);
        Assert.Contains(says, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("1")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"\\ud800\"}]}")]
    public async Task FhirPatient_ABodyThatIsNoResource_Is400(string body)
    {
        using var http = Fhir();

        var response = await http.PostAsync("Patient", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"OperationOutcome\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FhirPatient_NotUtf8_IsRefusedAndNotStoredWithLettersLost()
    {
        using var http = Fhir();
        var latin1 = Encoding.Latin1.GetBytes(Patient.Replace("P-1", "P-2").Replace("Araminta", "José"));

        await AssertRefused(await http.PostAsync("Patient", Body(latin1)), "not UTF-8");
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var stored = await Assert.ThrowsAsync<RpcException>(() => persons.GetPersonAsync(new GetPersonRequest
        {
            Record = new RecordKey { Registry = "BOUNDS", LocalId = "P-2" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stored.StatusCode);
        // A byte-order mark before UTF-8 is read past, not refused.
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Patient.Replace("P-1", "P-3"))).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("Patient", Body(bom))).StatusCode);
    }

    [Fact]
    public async Task FhirMatch_ParametersGivenTwiceOrOfAnotherType_Are400()
    {
        using var http = Fhir();
        string Parameters(string more) => $$"""{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{{Patient}}}{{more}}]}""";

        await AssertRefused(await http.PostAsync("Patient/$match", Body(Parameters($$""",{"name":"resource","resource":{{Patient}}}"""))), "resource: given more than once");
        await AssertRefused(await http.PostAsync("Patient/$match", Body(Parameters(""",{"name":"count","valueInteger":2},{"name":"count","valueInteger":3}"""))), "count: given more than once");
        await AssertRefused(await http.PostAsync("Patient/$match", Body(Parameters(""",{"name":"onlyCertainMatches","valueString":"true"}"""))), "valueBoolean");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("Patient/$match", Body(Parameters(""",{"name":"onlyCertainMatches","valueBoolean":true}""")))).StatusCode);
        // count is an upper bound: beyond Match's own (50) it is answered, not refused.
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("Patient/$match", Body(Parameters(""",{"name":"count","valueInteger":100}""")))).StatusCode);
    }

    [Fact]
    public async Task FhirConditionalUpdate_NamingTwoRecords_Is400AndStoresNeither()
    {
        using var http = Fhir();

        var response = await http.PutAsync("Patient?identifier=urn:mpi:registry:BOUNDS|D2&identifier=urn:mpi:registry:BOUNDS|D3",
            Body(Patient.Replace("\"identifier\":[{\"system\":\"urn:mpi:registry:BOUNDS\",\"value\":\"P-1\"}],", "")));

        await AssertRefused(response, "identifier");
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var stored = await Assert.ThrowsAsync<RpcException>(() => persons.GetPersonAsync(new GetPersonRequest
        {
            Record = new RecordKey { Registry = "BOUNDS", LocalId = "D2,urn:mpi:registry:BOUNDS|D3" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stored.StatusCode);
    }
}
