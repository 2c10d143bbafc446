using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Postgres;

/// <summary>One replica of the service on a PostgreSQL database another replica shares.</summary>
public sealed class ReplicaService(string connectionString) : RunningService
{
    public override string DatabasePath => connectionString;
}

/// <summary>Two replicas of the service, each with its own record directory, on one real PostgreSQL database.</summary>
public sealed class TwoReplicas : IAsyncLifetime
{
    private readonly PostgresServer _server = new();

    public ReplicaService First { get; private set; } = null!;
    public ReplicaService Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var database = await _server.CreateDatabaseAsync();
        First = new ReplicaService(database);
        await First.InitializeAsync();
        Second = new ReplicaService(database);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// Issue 18's replica case: 32 callers, half on each of two replicas, register the same 50 new persons from 4
/// registries (each person once per registry, interleaved); every round must end with exactly 50 persons of 4
/// records — the replicas' writers are serialised by the database, and each decides on every commit before its own.
/// </summary>
public sealed class TwoReplicasOnPostgresTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    private static readonly string[] Registries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY"];
    private static readonly string[] Given = ["Anneliese", "Bartholomew", "Chidinma", "Desmond", "Evangeline", "Fitzgerald", "Gwendolyn", "Horatio", "Ifeoma", "Jasper"];
    private static readonly string[] Family = ["Ashdown", "Brightwater", "Castellanos", "Dunmore", "Eriksdottir"];

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

    [Fact]
    public async Task Register_32CallersSplitOverTwoReplicas_ExactlyFiftyPersonsOfFourRecords_InTwentyRoundsOfTwenty()
    {
        var clients = new[] { replicas.First, replicas.Second }.Select(r => new RegistrationService.RegistrationServiceClient(r.Channel)).ToArray();
        var rounds = new List<(int Round, int Persons, int Complete)>();
        for (var round = 0; round < 20; round++)
        {
            // Each person's four messages side by side, so the four registries' copies race each other.
            var messages = Enumerable.Range(0, 4).SelectMany(r => Enumerable.Range(0, 50).Select(p => Message(round, p, r)))
                .OrderBy(m => m.Key.LocalId, StringComparer.Ordinal).ThenBy(m => m.Key.Registry, StringComparer.Ordinal).ToArray();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 32).Select(caller => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < messages.Length) await clients[caller % 2].RegisterAsync(messages[i]);
            })));

            await using var db = replicas.First.OpenDatabase();
            var prefix = $"R{round:D2}-";
            var persons = await db.SourceRecords.Where(r => r.LocalId.StartsWith(prefix)).GroupBy(r => r.PersonId).Select(g => g.Count()).ToListAsync();
            rounds.Add((round, persons.Count, persons.Count(c => c == 4)));
        }

        Assert.All(rounds, r => Assert.Equal((r.Round, 50, 50), r));
    }
}
