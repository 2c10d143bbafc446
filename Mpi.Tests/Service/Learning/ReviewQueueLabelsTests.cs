using Microsoft.Extensions.DependencyInjection;
using Mpi.Contracts.V1;
using Mpi.Service.Learning;
using Mpi.Service.Persistence;
using Mpi.Tests.Service.Grpc;
using Mpi.Service.Matching;

namespace Mpi.Tests.Service.Learning;

/// <summary>Verdicts read back from a real service's SQLite file after reviewers resolved tasks over gRPC.</summary>
public sealed class ReviewQueueLabelsTests(RunningService service) : IClassFixture<RunningService>
{
    [Theory]
    [InlineData("Abernethy", Resolution.DifferentPerson, false)]
    [InlineData("Brocklehurst", Resolution.SamePerson, true)]
    public async Task ReadAsync_ResolvedTask_IsALabelledPairOfTheTwoRecords(string family, Resolution resolution, bool samePerson)
    {
        await ResolveAsync(family, resolution);

        using var scope = service.Services.CreateScope();
        var labels = await ReviewQueueLabels.ReadAsync(scope.ServiceProvider.GetRequiredService<MpiDbContext>(), CancellationToken.None);

        var label = Assert.Single(labels, l => l.A == ("SOUTH_LAB", $"S-{family}"));
        Assert.Equal(("NORTH_HOSP", $"N-{family}"), label.B);
        Assert.Equal(samePerson, label.SamePerson);
    }

    [Fact]
    public async Task LearnFromDatabase_ReviewersResolvedTasks_TrainsOnTheirVerdictsAndWritesTheModel()
    {
        string[] same = ["Carrington", "Dunsmuir"], different = ["Etheridge", "Fairweather"];
        foreach (var family in same) await ResolveAsync(family, Resolution.SamePerson);
        foreach (var family in different) await ResolveAsync(family, Resolution.DifferentPerson);
        var folder = Directory.CreateTempSubdirectory("mpi-learn-db-");
        var (model, learned) = (new FileInfo(Path.Combine(folder.FullName, "model.json")), new FileInfo(Path.Combine(folder.FullName, "learned.zip")));
        Mpi.Service.Cli.ModelSource.Save(Mpi.Service.Matching.ActiveModel.Default(), model);
        var output = new StringWriter();

        var exit = await Mpi.Service.Cli.LearnCommand.RunAsync(new(null, null, null, 0, model, null, learned, null, Folds: 2, service.DatabasePath),
            output, TextWriter.Null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Matches(@"^labelled=\d+ same_person=\d+ different_people=\d+", output.ToString());
        Assert.True(learned.Exists);
        folder.Delete(recursive: true);
    }

    private async Task ResolveAsync(string family, Resolution resolution)
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
    }

    private static RegisterRequest Request(string registry, string localId, string family, string address, string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = $"Imelda{family[..3]}", FamilyName = family, BirthDate = new DateOnly(1961, 3, 1).AddDays(family.Length * 613).ToString("yyyy-MM-dd"),
            Sex = "F", AddressLine = $"{family.Length} {address}", City = city, PostalCode = postal,
            NationalId = SomeNationalIds.For(localId),
        },
    };
}
