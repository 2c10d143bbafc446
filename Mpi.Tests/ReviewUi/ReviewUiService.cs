using Microsoft.Extensions.DependencyInjection;
using Mpi.Contracts.V1;
using Mpi.ReviewUi.Accounts;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// The real service with review UI users (two clerks, a steward, an auditor) and review tasks opened through the real
/// registration path: each task is a made-up patient registered by one registry, then by another at another address.
/// </summary>
public class ReviewUiService : RunningService
{
    public const string Password = "long-enough-test-password";
    public const string Clerk = "clerk-ana";
    public const string SecondClerk = "clerk-ben";
    public const string Steward = "steward-cy";
    public const string Auditor = "auditor-dee";

    /// <summary>Made-up patients (given and family name), one review task each, oldest first.</summary>
    protected virtual IReadOnlyList<(string Given, string Family)> TaskPatients =>
        [("Ottoline", "Quarrington"), ("Briony", "Vellacott"), ("Clemency", "Hetherwick")];

    /// <summary>The seeded tasks, oldest first: the task id and the person the incoming record may belong to.</summary>
    public IReadOnlyList<(string TaskId, string CandidatePersonId, string IncomingPersonId)> Tasks { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IReviewerDirectory>();
            var passwords = scope.ServiceProvider.GetRequiredService<ReviewerPasswords>();
            foreach (var (name, role) in new[] { (Clerk, ReviewerRoles.Clerk), (SecondClerk, ReviewerRoles.Clerk), (Steward, ReviewerRoles.Steward), (Auditor, ReviewerRoles.Auditor) })
                await directory.CreateAsync(new ReviewerAccount(name, role, passwords.Hash(Password)), "test", CancellationToken.None);
        }
        var registration = new RegistrationService.RegistrationServiceClient(Channel);
        var tasks = new List<(string, string, string)>();
        for (var i = 0; i < TaskPatients.Count; i++)
        {
            var (given, family) = TaskPatients[i];
            var birthDate = new DateOnly(1941 + 11 * i, 1 + 3 * i, 4 + 7 * i);
            var first = await registration.RegisterAsync(Request("NORTH_HOSP", $"N-{family}", given, family, birthDate, $"{12 + i} Karri Court", "Perth", "6000"));
            var uncertain = await registration.RegisterAsync(Request("SOUTH_LAB", $"S-{family}", given, family, birthDate, $"{71 + i} Marri Road", "Albany", "6330"));
            if (uncertain.Decision != Decision.Review) throw new InvalidOperationException($"seeding {family} gave {uncertain.Decision}, not a review task");
            tasks.Add((uncertain.ReviewTaskId, first.PersonId, uncertain.PersonId));
        }
        Tasks = tasks;
    }

    private static RegisterRequest Request(string registry, string localId, string given, string family, DateOnly birthDate, string address,
        string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = birthDate.ToString("yyyy-MM-dd"), Sex = "F", AddressLine = address, City = city,
            PostalCode = postal, NationalId = Mpi.Tests.Service.SomeNationalIds.For(localId),
        },
    };
}
