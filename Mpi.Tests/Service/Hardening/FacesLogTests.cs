using System.Net.Http.Headers;
using System.Text;
using Mpi.Tests.Service.Crash;
using Mpi.Tests.Service.Hl7v2;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// The service as an operator runs it, with an MLLP listener bound to its development key: patients registered,
/// refused, matched and cross-referenced through the FHIR and HL7 v2 faces leave no demographics in its log.
/// </summary>
public sealed class FacesLogTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-faces-log-");

    /// <summary>A made-up patient's values rare enough to spot in a log (numbers left out: a port number could hold them).</summary>
    private static readonly string[] Demographics = ["Wilhelmina", "Quenby-Strood", "Marri", "Yallingup", "Ottoline", "Featherby"];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task FhirAndMllp_RegisterRefuseMatchAndCrossReference_LogHoldsNoDemographics()
    {
        var database = Path.Combine(_folder.FullName, "mpi.db");
        string key;
        using (var first = await ServiceProcess.StartAsync(database, Timeout)) key = first.DevelopmentKey!;
        using var service = await ServiceProcess.StartAsync(database, Timeout, new Dictionary<string, string> { ["Mpi__MllpListeners__0__ApiKey"] = key },
            "--mllp-port", "0");
        var fhir = await service.EndpointAsync(3, Timeout);
        var mllpPort = new Uri(await service.EndpointAsync(4, Timeout)).Port;

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        const string Patient = """
            {"resourceType":"Patient","identifier":[{"system":"urn:mpi:registry:NORTH_HOSP","value":"W-1"}],
             "name":[{"family":"Quenby-Strood","given":["Wilhelmina"]}],"birthDate":"1957-02-11","gender":"female",
             "address":[{"line":["9 Marri Road"],"city":"Yallingup","postalCode":"6282"}]}
            """;
        var created = await http.PostAsync($"{fhir}/fhir/Patient", Json(Patient));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var refused = await http.PostAsync($"{fhir}/fhir/Patient", Json(Patient.Replace("1957-02-11", "2090-02-11").Replace("W-1", "W-2")));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var match = await http.PostAsync($"{fhir}/fhir/Patient/$match", Json($$"""{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{{Patient}}}]}"""));
        Assert.Equal(System.Net.HttpStatusCode.OK, match.StatusCode);
        var pix = await http.GetAsync($"{fhir}/fhir/Patient/$ihe-pix?sourceIdentifier=urn:mpi:registry:NORTH_HOSP|W-1");
        Assert.Equal(System.Net.HttpStatusCode.OK, pix.StatusCode);

        await using (var mllp = await MllpClient.ConnectAsync(mllpPort))
        {
            const string Msh = "MSH|^~\\&|PAS|SOUTH_LAB|MPI|MPI|20261206101500||ADT^A04^ADT_A01|";
            Assert.Equal("AA", Ack.Code(await mllp.SendAsync(Msh + "LOG-1|P|2.5", "PID|1||S-1^^^SOUTH_LAB^MR||Featherby^Ottoline||19610705|F|||2 Marri Road^^Yallingup^WA^6282")));
            Assert.Equal("AE", Ack.Code(await mllp.SendAsync(Msh + "LOG-2|P|2.5", "PID|1||S-2^^^SOUTH_LAB^MR||Featherby^Ottoline||19611305|F|||2 Marri Road^^Yallingup^WA^6282")));
            // A name where the message type belongs, with an escaped line feed that would start a forged log line.
            Assert.Equal("AR", Ack.Code(await mllp.SendAsync("MSH|^~\\&|PAS|SOUTH_LAB|MPI|MPI|20261206101500||Featherby\\X0A\\[ERR] forged^A04|LOG-3|P|2.5",
                "PID|1||S-3^^^SOUTH_LAB^MR")));
        }

        // The listener logs a message's line once its acknowledgement is sent: wait for it rather than race it.
        using (var waiting = new CancellationTokenSource(Timeout))
            while (!service.Output.Contains("MLLP listener 0: other answered AR", StringComparison.Ordinal)) await Task.Delay(50, waiting.Token);
        var log = service.Output;
        Assert.Contains("MLLP listener 0: ADT^A04 answered AE", log, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", log, StringComparison.Ordinal);
        foreach (var value in Demographics) Assert.DoesNotContain(value, log, StringComparison.OrdinalIgnoreCase);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/fhir+json");
}
