using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Why each task is there, over the wire (issue 16, item 1): the contract's cause and its words are filled from what
/// was decided when the task opened, in the listing and the task; an answered task says when it was answered.
/// </summary>
public sealed class ReviewCauseGrpcTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private ReviewService.ReviewServiceClient Review => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, Demographics demographics) =>
        new() { Key = new RecordKey { Registry = registry, LocalId = localId }, Demographics = demographics };

    private static Demographics Twin(string given, string nationalId) => new()
    {
        GivenName = given, FamilyName = "Oyelaran", BirthDate = "1988-03-02", Sex = "F", AddressLine = "6 Jacaranda Street", City = "Delmar",
        PostalCode = "2119", Phone = "0291112233", NationalId = nationalId,
    };

    [Fact]
    public async Task TwinsSharingEverythingButTheGivenName_AreHeldByTheGuard_AndTheTaskSaysSo()
    {
        await Registration.RegisterAsync(Request("NORTH_HOSP", "RC-1", Twin("Adaeze", "")));
        var held = await Registration.RegisterAsync(Request("SOUTH_LAB", "RC-2", Twin("Chiamaka", "")));
        Assert.Equal(Decision.Review, held.Decision);

        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = held.ReviewTaskId });
        var listed = (await Review.ListTasksAsync(new ListTasksRequest { PageSize = 500 })).Tasks.Single(t => t.TaskId == held.ReviewTaskId);

        Assert.Equal((ReviewCause.Guard, ReviewCause.Guard), (task.Cause, listed.Cause));
        Assert.Contains("twins?", task.CauseText, StringComparison.Ordinal);
        Assert.Equal(task.CauseText, listed.CauseText);
    }

    [Fact]
    public async Task MergeTask_SaysItAsksWhetherThePersonsAreOne_AndAnAnsweredTaskSaysWhen()
    {
        var old = await Registration.RegisterAsync(Request("NORTH_HOSP", "RC-3", new Demographics
        {
            GivenName = "Wilhelmina", FamilyName = "Ostrowska", BirthDate = "1963-09-21", Sex = "F", AddressLine = "31 Tamarind Crescent", City = "Delmar",
            PostalCode = "2119", Phone = "0291234567",
        }));
        var apart = await Registration.RegisterAsync(Request("SOUTH_LAB", "RC-4", new Demographics
        {
            GivenName = "Wilhelmina", FamilyName = "Ostrowska", Sex = "F", AddressLine = "8 Saltbush Road", City = "Richlands", PostalCode = "4560", Phone = "0733456789",
        }));
        Assert.NotEqual(old.PersonId, apart.PersonId);
        var bridge = await Registration.RegisterAsync(Request("GP_NET", "RC-5", new Demographics
        {
            GivenName = "Wilhelmina", FamilyName = "Ostrowska", BirthDate = "1963-09-21", Sex = "F", AddressLine = "8 Saltbush Road", City = "Richlands",
            PostalCode = "4560", Phone = "0733456789",
        }));
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = bridge.MergeTaskId });
        Assert.Equal(ReviewCause.MergeQuestion, task.Cause);
        Assert.Contains("one person", task.CauseText, StringComparison.Ordinal);

        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var resolved = await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.DifferentPerson, Reason = "mother and daughter",
        });

        Assert.InRange(resolved.Task.Resolution.ResolvedAt.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(ReviewCause.MergeQuestion, resolved.Task.Cause);
    }
}
