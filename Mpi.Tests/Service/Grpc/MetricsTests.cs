using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

public sealed class MetricsTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public async Task Metrics_AfterRegistrations_ShowDecisionsRejectsLatencyAndQueueByRegistry()
    {
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);
        await client.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = "METRIC_LAB", LocalId = "1" },
            Demographics = new Demographics { GivenName = "Octavia", FamilyName = "Brackenbury", BirthDate = "1970-10-10" },
        });
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => client.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = "METRIC_LAB", LocalId = "2" },
            Demographics = new Demographics { GivenName = "Octavia", BirthDate = "1970-13-45" },
        }).ResponseAsync);

        var text = await service.ScrapeMetricsAsync(t => t.Contains("mpi_rejections_total"));

        Assert.Contains("mpi_registrations_total{", text);
        Assert.Contains("registry=\"METRIC_LAB\"", text);
        Assert.Contains("decision=\"New\"", text);
        Assert.Contains("mpi_rejections_total{", text);
        Assert.Contains("mpi_register_duration_milliseconds_bucket", text);
        Assert.Contains("mpi_review_open_tasks", text);
        Assert.DoesNotContain("Octavia", text, StringComparison.OrdinalIgnoreCase);
    }
}
