using Microsoft.Extensions.DependencyInjection;
using Mpi.Contracts.V1;
using Mpi.Service.Learning;
using Mpi.Service.Persistence;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Learning;

/// <summary>Verdicts read back from a real service's SQLite file after reviewers resolved tasks over gRPC.</summary>
public sealed class ReviewQueueLabelsTests(RunningService service) : IClassFixture<RunningService>
{
    [Theory]
    [InlineData("Abernethy", Resolution.DifferentPerson, false)]
    [InlineData("Brocklehurst", Resolution.SamePerson, true)]
    public async Task ReadAsync_ResolvedTask_IsALabelledPairOfTheTwoRecords(string family, Resolution resolution, bool samePerson)
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        var first = await registration.RegisterAsync(Request("NORTH_HOSP", $"N-{family}", family, "9 Karri Court", "Perth", "6000"));
        var uncertain = await registration.RegisterAsync(Request("SOUTH_LAB", $"S-{family}", family, "71 Marri Road", "Albany", "6330"));
        Assert.Equal(Decision.Review, uncertain.Decision);
        var review = new ReviewService.ReviewServiceClient(service.Channel);
        var task = await review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        await review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = resolution,
            PersonId = resolution == Resolution.SamePerson ? first.PersonId : "", Reason = "checked the form",
        });

        using var scope = service.Services.CreateScope();
        var labels = await ReviewQueueLabels.ReadAsync(scope.ServiceProvider.GetRequiredService<MpiDbContext>(), CancellationToken.None);

        var label = Assert.Single(labels, l => l.A == ("SOUTH_LAB", $"S-{family}"));
        Assert.Equal(("NORTH_HOSP", $"N-{family}"), label.B);
        Assert.Equal(samePerson, label.SamePerson);
    }

    private static RegisterRequest Request(string registry, string localId, string family, string address, string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = $"Imelda{family[..3]}", FamilyName = family, BirthDate = new DateOnly(1961, 3, 1).AddDays(family.Length * 613).ToString("yyyy-MM-dd"),
            Sex = "F", AddressLine = $"{family.Length} {address}", City = city, PostalCode = postal,
        },
    };
}
