using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Postgres;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The concurrency case on the embedded SQLite file.</summary>
public sealed class ConcurrentRegistrationTests(RunningService service) : ConcurrentRegistrationCases(service), IClassFixture<RunningService>;

/// <summary>The concurrency case on PostgreSQL.</summary>
public sealed class ConcurrentRegistrationOnPostgresTests(PostgresRunningService service) : ConcurrentRegistrationCases(service),
    IClassFixture<PostgresRunningService>;

/// <summary>
/// The concurrency case over the wire: 32 callers register the same 50 new persons from 4 registries (each
/// person once per registry, interleaved) through the real server; there must be exactly 50 persons of 4 records.
/// </summary>
public abstract class ConcurrentRegistrationCases(RunningService service)
{
    private static readonly string[] Registries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY"];
    private static readonly string[] Given = ["Anneliese", "Bartholomew", "Chidinma", "Desmond", "Evangeline", "Fitzgerald", "Gwendolyn", "Horatio", "Ifeoma", "Jasper"];
    private static readonly string[] Family = ["Ashdown", "Brightwater", "Castellanos", "Dunmore", "Eriksdottir"];

    private static RegisterRequest Message(int person, int registry) => new()
    {
        Key = new RecordKey { Registry = Registries[registry], LocalId = $"{Registries[registry][0]}-{person:D3}" },
        Demographics = new Demographics
        {
            GivenName = Given[person % Given.Length], FamilyName = Family[person / Given.Length % Family.Length],
            BirthDate = new DateOnly(1950, 1, 1).AddDays(person * 211).ToString("yyyy-MM-dd"), Sex = person % 2 == 0 ? "F" : "M",
            AddressLine = $"{person + 3} Lilly Pilly Lane", PostalCode = $"{3000 + person}",
            NationalId = person % 2 == 0 ? $"{700_000_000 + person * 7_919}" : "",
        },
    };

    [Fact]
    public async Task Register_32CallersSame50PersonsFrom4Registries_ExactlyFiftyPersons()
    {
        var messages = Enumerable.Range(0, 4).SelectMany(r => Enumerable.Range(0, 50).Select(p => Message(p, r)))
            .OrderBy(m => (m.Key.LocalId[2..], m.Key.Registry)).ToArray(); // each person's four messages side by side
        var next = -1;
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages.Length) await client.RegisterAsync(messages[i]);
        })));

        await using var db = service.OpenDatabase();
        Assert.Equal(50, await db.SourceRecords.GroupBy(r => r.PersonId).CountAsync(g => g.Count() == 4));
        Assert.Equal(50, await db.Persons.CountAsync());
    }
}
