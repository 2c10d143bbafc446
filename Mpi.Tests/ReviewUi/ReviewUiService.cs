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

    /// <summary>Made-up family names, one review task each, oldest first.</summary>
    protected virtual IReadOnlyList<string> TaskFamilies => ["Quarrington", "Vellacott", "Wetherall"];

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
        foreach (var family in TaskFamilies)
        {
            var first = await registration.RegisterAsync(Request("NORTH_HOSP", $"N-{family}", family, "9 Karri Court", "Perth", "6000"));
            var uncertain = await registration.RegisterAsync(Request("SOUTH_LAB", $"S-{family}", family, "71 Marri Road", "Albany", "6330"));
            if (uncertain.Decision != Decision.Review) throw new InvalidOperationException($"seeding {family} gave {uncertain.Decision}, not a review task");
            tasks.Add((uncertain.ReviewTaskId, first.PersonId, uncertain.PersonId));
        }
        Tasks = tasks;
    }

    private static RegisterRequest Request(string registry, string localId, string family, string address, string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = $"Marigold{family[..3]}", FamilyName = family,
            BirthDate = new DateOnly(1950, 1, 1).AddDays(family.Length * 977 + family[0] * 31).ToString("yyyy-MM-dd"),
            Sex = "F", AddressLine = $"{family.Length} {address}", City = city, PostalCode = postal,
        },
    };
}
