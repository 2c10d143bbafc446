using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Registration;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Tests.Service.Registration;

public sealed class RecordRegistrarTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static PatientRecord Patient(string registry, string localId, int n, bool withNationalId = true) => new(registry, localId)
    {
        GivenName = Names[n % Names.Length], FamilyName = Families[n / Names.Length % Families.Length] + (n / (Names.Length * Families.Length)),
        BirthDate = new DateOnly(1940, 1, 1).AddDays(n * 397 % 25_000).ToString("yyyy-MM-dd"), Sex = n % 2 == 0 ? "F" : "M",
        AddressLine = $"{n + 1} Wattle Street", City = "Delmar", PostalCode = $"{2000 + n % 900}",
        NationalId = withNationalId ? $"{400_000_000 + n * 7_919}" : null,
    };

    private static readonly string[] Names = ["Margaret", "Peter", "Aisha", "Tomasz", "Mei", "Oluwaseun", "Siobhan", "Rahul", "Ingrid", "Kofi"];
    private static readonly string[] Families = ["Thompson", "Nguyen", "Okafor", "Kowalski", "Haddad", "Lindqvist", "Moreau"];

    private async Task<RegistrationOutcome> Register(PatientRecord record)
    {
        await using var db = _database.NewContext();
        return await _database.NewRegistrar(db).RegisterAsync(record, _database.Model, "test-engine", CancellationToken.None);
    }

    [Fact]
    public async Task Register_NewPatient_IsANewPersonWithReceipts()
    {
        var outcome = await Register(Patient("NORTH_HOSP", "N1", 1) with { BirthDate = "03/04/1985", GivenName = "José" });

        Assert.Equal(RegistrationDecision.New, outcome.Decision);
        Assert.StartsWith("P", outcome.PersonId);
        Assert.Contains(outcome.Receipts, r => r is { Field: "birth_date", Stored: "1985-03-04", Outcome: FieldOutcome.Normalized });
        Assert.Contains(outcome.Receipts, r => r is { Field: "given_name", Stored: "JOSE", Outcome: FieldOutcome.Normalized });
        Assert.Equal(1, outcome.RecordVersion);
    }

    [Fact]
    public async Task Register_SameMessageTwice_IsIdempotent()
    {
        var first = await Register(Patient("NORTH_HOSP", "N1", 1));
        var again = await Register(Patient("NORTH_HOSP", "N1", 1));

        Assert.Equal((RegistrationDecision.Updated, first.PersonId, 1), (again.Decision, again.PersonId, again.RecordVersion));
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.SourceRecords.CountAsync());
        Assert.Equal(1, await db.Persons.CountAsync());
    }

    [Fact]
    public async Task Register_ChangedDemographicsForTheSameLocalId_UpdatesAndKeepsThePerson()
    {
        var first = await Register(Patient("NORTH_HOSP", "N1", 1));
        var changed = await Register(Patient("NORTH_HOSP", "N1", 1) with { AddressLine = "99 Other Road", Phone = "0298765432" });

        Assert.Equal((RegistrationDecision.Updated, first.PersonId, 2), (changed.Decision, changed.PersonId, changed.RecordVersion));
        await using var db = _database.NewContext();
        Assert.Equal(2, await db.LinkEvents.CountAsync());
    }

    [Fact]
    public async Task Register_SamePatientFromAnotherRegistry_LinksToTheSamePerson()
    {
        var first = await Register(Patient("NORTH_HOSP", "N1", 1));
        var byRule = await Register(Patient("SOUTH_LAB", "S1", 1));
        var scored = await Register(Patient("GP_NET", "G1", 1, withNationalId: false) with { GivenName = "Pete" });

        Assert.Equal((RegistrationDecision.RuleLink, first.PersonId), (byRule.Decision, byRule.PersonId));
        Assert.Equal((RegistrationDecision.AutoLink, first.PersonId), (scored.Decision, scored.PersonId));
        Assert.NotNull(scored.Explanation);
        Assert.True(scored.Probability >= _database.Model.Model.Thresholds.AutoLink);
    }

    [Fact]
    public async Task Register_TwinAtTheSameAddress_IsNotLinked()
    {
        var sister = await Register(Patient("NORTH_HOSP", "N1", 0, withNationalId: false));
        var twin = await Register(Patient("NORTH_HOSP", "N2", 0, withNationalId: false) with { GivenName = "Elizabeth" });

        Assert.NotEqual(sister.PersonId, twin.PersonId);
        Assert.NotEqual(RegistrationDecision.AutoLink, twin.Decision);
    }

    /// <summary>
    /// The sister's person holds a sparse record (no given name) that scores the twin highly; the sister's own record is
    /// a twin conflict. Registration does not link across it, as batch clustering never joins across it.
    /// </summary>
    [Fact]
    public async Task Register_TwinWhoseSisterHasASparseRecord_IsNotLinkedToTheSister()
    {
        var sister = await Register(Patient("NORTH_HOSP", "N1", 0, withNationalId: false) with { Phone = "02 9876 5432" });
        var sparse = await Register(Patient("SOUTH_LAB", "S1", 0, withNationalId: false) with { GivenName = null, Phone = "02 9876 5432" });
        Assert.Equal((RegistrationDecision.AutoLink, sister.PersonId), (sparse.Decision, sparse.PersonId));

        var twin = await Register(Patient("NORTH_HOSP", "N2", 0, withNationalId: false) with { GivenName = "Elizabeth", Phone = "02 9876 5432" });

        Assert.NotEqual(RegistrationDecision.AutoLink, twin.Decision);
        Assert.NotEqual(sister.PersonId, twin.PersonId);
    }

    [Fact]
    public async Task Register_UncertainCandidate_OpensAReviewTask()
    {
        await Register(Patient("NORTH_HOSP", "N1", 0));
        var uncertain = await Register(Patient("SOUTH_LAB", "S9", 0) with
        {
            AddressLine = "7 Banksia Street", City = "Richlands", PostalCode = "4560", NationalId = "734912586",
        });

        Assert.Equal(RegistrationDecision.Review, uncertain.Decision);
        Assert.NotNull(uncertain.ReviewTaskId);
        await using var db = _database.NewContext();
        var task = await db.ReviewTasks.SingleAsync();
        Assert.Equal((TaskState.Open, uncertain.ReviewTaskId), (task.State, (long?)task.Id));
    }

    [Fact]
    public async Task Register_OneContextForAWholeStream_KeepsNothingTrackedBetweenRecords()
    {
        await using var db = _database.NewContext();
        var registrar = _database.NewRegistrar(db);
        for (var n = 0; n < 3; n++)
        {
            await registrar.RegisterAsync(Patient("NORTH_HOSP", $"T{n}", n), _database.Model, "stream", CancellationToken.None);
            Assert.Empty(db.ChangeTracker.Entries());
        }
    }

    [Fact]
    public async Task Register_EveryDecision_IsAuditedWithoutDemographics()
    {
        await Register(Patient("NORTH_HOSP", "N1", 3));
        await using var db = _database.NewContext();
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal(("test-engine", AuditAction.Register, "NORTH_HOSP/N1", "new"), (audit.Actor, audit.Action, audit.Subject, audit.Outcome));
        Assert.DoesNotContain("Tomasz", $"{audit.Subject}{audit.Outcome}{audit.Reason}");
    }

    [Fact]
    public async Task Register_32CallersSame50PersonsFrom4Registries_EndWith50Persons()
    {
        string[] registries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY"];
        var messages = Enumerable.Range(0, 50)
            .SelectMany(n => registries.Select((registry, r) => Patient(registry, $"{registry[0]}{n}", n, withNationalId: n % 2 == 0)))
            .OrderBy(m => m.LocalId.GetHashCode(StringComparison.Ordinal) ^ m.Registry.Length) // interleave registries and persons
            .ToArray();
        var next = -1;

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages.Length) await Register(messages[i]);
        })));

        await using var db = _database.NewContext();
        var byPerson = await db.SourceRecords.GroupBy(r => r.PersonId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(50, await db.Persons.CountAsync());
        Assert.Equal(50, byPerson.Count);
        Assert.All(byPerson, count => Assert.Equal(4, count));
    }
}
