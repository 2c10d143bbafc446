using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// The concurrency case of issues 3 and 18 (one service, or replicas), as data: each round, 50 new persons from 4 registries (each person once per registry),
/// the four copies of a person side by side so that they race each other; a round is right when it ends with
/// exactly 50 persons of 4 records.
/// </summary>
internal static class ReplicaRounds
{
    public const int Persons = 50;
    private static readonly string[] Registries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY"];
    private static readonly string[] Given = ["Anneliese", "Bartholomew", "Chidinma", "Desmond", "Evangeline", "Fitzgerald", "Gwendolyn", "Horatio", "Ifeoma", "Jasper"];
    private static readonly string[] Family = ["Ashdown", "Brightwater", "Castellanos", "Dunmore", "Eriksdottir"];

    /// <summary>Round <paramref name="round"/>'s 200 messages, each person's four next to each other.</summary>
    public static RegisterRequest[] Messages(int round) =>
        [.. Enumerable.Range(0, Registries.Length).SelectMany(r => Enumerable.Range(0, Persons).Select(p => Message(round, p, r)))
            .OrderBy(m => m.Key.LocalId, StringComparer.Ordinal).ThenBy(m => m.Key.Registry, StringComparer.Ordinal)];

    /// <summary>The round's outcome: how many persons its records are on, and how many of those hold all four.</summary>
    public static async Task<(int Round, int Persons, int Complete)> OutcomeAsync(MpiDbContext db, int round)
    {
        var prefix = $"R{round:D2}-";
        var persons = await db.SourceRecords.Where(r => r.LocalId.StartsWith(prefix)).GroupBy(r => r.PersonId).Select(g => g.Count()).ToListAsync();
        return (round, persons.Count, persons.Count(c => c == Registries.Length));
    }

    /// <summary>
    /// Sends <paramref name="messages"/> from 32 callers, caller i through <paramref name="clients"/>[i % n]; a call shed
    /// by the admission's rate (20 rounds outrun its 500 a second once registrations are fast) is sent again, as engines do.
    /// </summary>
    public static Task SendAsync(RegisterRequest[] messages, IReadOnlyList<RegistrationService.RegistrationServiceClient> clients)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, 32).Select(caller => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages.Length)
                await RetryingRegistration.RegisterAsync(clients[caller % clients.Count], messages[i], CancellationToken.None);
        })));
    }

    /// <summary>Person <paramref name="person"/> of round <paramref name="round"/>: born in a year of its own, so no round's persons are another's candidates.</summary>
    private static RegisterRequest Message(int round, int person, int registry) => new()
    {
        Key = new RecordKey { Registry = Registries[registry], LocalId = $"R{round:D2}-{person:D3}" },
        Demographics = new Demographics
        {
            GivenName = Given[person % Given.Length], FamilyName = Family[person / Given.Length % Family.Length],
            BirthDate = new DateOnly(1930 + 3 * round, 1, 1).AddDays(person * 7).ToString("yyyy-MM-dd"), Sex = person % 2 == 0 ? "F" : "M",
            AddressLine = $"{person + 3} Lilly Pilly Lane", PostalCode = $"{3000 + 100 * round + person}",
            NationalId = person % 2 == 0 ? $"{700_000_000 + round * 100_000 + person * 7_919}" : "",
        },
    };
}
