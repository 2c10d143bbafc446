using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Registration;

namespace Mpi.Tests.Service.Registration;

/// <summary>Batches (RegisterStream's items that arrived together), the records they make visible, and message ids remembered with them.</summary>
public sealed class RecordRegistrarBatchTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static PatientRecord Margaret(string registry, string localId) => new(registry, localId)
    {
        GivenName = "Margaret", FamilyName = "Thompson", BirthDate = "1961-07-14", Sex = "F", AddressLine = "12 Wattle Street",
        City = "Delmar", PostalCode = "2546", Phone = "0291234567", NationalId = "412345678",
    };

    private static PatientRecord Stranger(string registry, string localId) => new(registry, localId)
    {
        GivenName = "Kofi", FamilyName = "Lindqvist", BirthDate = "1990-02-03", Sex = "M", AddressLine = "7 Banksia Road",
        City = "Yarrow", PostalCode = "3012", NationalId = "498765432",
    };

    private RegistrationItem Item(PatientRecord record) => new(record, new RecordNormalizer(_database.Clock).Normalize(record));

    [Fact]
    public async Task RegisterBatchAsync_DuplicateLaterInTheSameBatch_LinksToTheEarlierRecord()
    {
        await using var db = _database.NewContext();
        var results = await _database.NewRegistrar(db).RegisterBatchAsync(
            [Item(Margaret("NORTH_HOSP", "N1")), Item(Stranger("NORTH_HOSP", "N2")), Item(Margaret("SOUTH_LAB", "L1"))],
            _database.Model, "test-engine", CancellationToken.None);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(RegistrationDecision.New, results[0].Outcome!.Decision);
        Assert.Contains(results[2].Outcome!.Decision, new[] { RegistrationDecision.RuleLink, RegistrationDecision.AutoLink });
        Assert.Equal(results[0].Outcome!.PersonId, results[2].Outcome!.PersonId);
        Assert.NotEqual(results[0].Outcome!.PersonId, results[1].Outcome!.PersonId);
        await using var check = _database.NewContext();
        Assert.Equal(3, await check.SourceRecords.CountAsync());
        Assert.Equal(2, await check.Persons.CountAsync());
    }

    /// <summary>
    /// A batch's history is in the order of its items, whatever wrote each event: on PostgreSQL a new record's event
    /// takes an id drawn ahead for the batch while an update's is drawn by EF when it is written, so this fails if
    /// ids drawn ahead were used after an update's.
    /// </summary>
    [Fact]
    public async Task RegisterBatchAsync_NewKeysAndUpdatesMixed_TheHistoryFollowsTheItems()
    {
        await using (var before = _database.NewContext())
            await _database.NewRegistrar(before).RegisterAsync(Item(Stranger("SOUTH_LAB", "L1")), _database.Model, "test-engine", CancellationToken.None);
        await using var db = _database.NewContext();

        var results = await _database.NewRegistrar(db).RegisterBatchAsync(
            [Item(Margaret("NORTH_HOSP", "N1")), Item(Margaret("NORTH_HOSP", "N1") with { Phone = "0298765432" }),
                Item(Stranger("SOUTH_LAB", "L1") with { Phone = "0387654321" }), Item(Stranger("NORTH_HOSP", "N2"))],
            _database.Model, "test-engine", CancellationToken.None);

        Assert.Equal([RegistrationDecision.New, RegistrationDecision.Updated, RegistrationDecision.Updated],
            results.Take(3).Select(r => r.Outcome!.Decision));
        Assert.Equal(results[2].Outcome!.PersonId, results[3].Outcome!.PersonId);
        await using var check = _database.NewContext();
        var records = await check.SourceRecords.ToDictionaryAsync(r => r.Id, r => r.LocalId);
        var history = (await check.LinkEvents.ToListAsync()).OrderBy(e => e.Id).Select(e => (records[e.SourceRecordId], e.Kind)).ToList();
        Assert.Equal([("L1", LinkKind.New), ("N1", LinkKind.New), ("N1", LinkKind.Updated), ("L1", LinkKind.Updated)], history.Take(4));
        Assert.Equal("N2", history[4].Item1);
        Assert.Equal(5, history.Count);
        Assert.Equal("0298765432", (await check.SourceRecords.SingleAsync(r => r.LocalId == "N1")).Phone);
    }

    /// <summary>
    /// A merge inside a batch writes its events with ids from the sequence: the items after it must still follow it in
    /// the history (on PostgreSQL the ids drawn ahead before the merge are dropped).
    /// </summary>
    [Fact]
    public async Task RegisterBatchAsync_AnItemAfterABridgingMerge_FollowsTheMergeInTheHistory()
    {
        PatientRecord WithId(string registry, string localId) => new(registry, localId)
        {
            GivenName = "Genoveva", FamilyName = "Szczepanik", Sex = "F", BirthDate = "1971-04-02", NationalId = "612004873", AddressLine = "31 Tamarind Crescent",
            City = "Delmar", PostalCode = "2119",
        };
        PatientRecord Sparse(string registry, string localId) => new(registry, localId)
        {
            GivenName = "Genoveva", FamilyName = "Szczepanik", Sex = "F", AddressLine = "15 Quandong Street", City = "Yeppoon", PostalCode = "4703",
        };
        await using (var before = _database.NewContext())
            await _database.NewRegistrar(before).RegisterBatchAsync(
                [Item(WithId("NORTH_HOSP", "RJ-1")), Item(Sparse("SOUTH_LAB", "RJ-2"))], _database.Model, "test-engine", CancellationToken.None);
        await using var db = _database.NewContext();

        // The lab completes its record (an update: a rule now joins the two persons' records); a bridging record merges
        // them; a stranger comes last.
        var results = await _database.NewRegistrar(db).RegisterBatchAsync(
            [Item(Sparse("SOUTH_LAB", "RJ-2") with { BirthDate = "1971-04-02", NationalId = "612004873" }),
                Item(Sparse("GP_NET", "RJ-3") with { BirthDate = "1971-04-02", NationalId = "612004873" }), Item(Stranger("GP_NET", "RJ-4"))],
            _database.Model, "test-engine", CancellationToken.None);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Single(results[1].Outcome!.MergedPersonIds);
        await using var check = _database.NewContext();
        var records = await check.SourceRecords.ToDictionaryAsync(r => r.Id, r => r.LocalId);
        var history = (await check.LinkEvents.ToListAsync()).OrderBy(e => e.Id).Select(e => (records[e.SourceRecordId], e.Kind)).ToList();
        Assert.Equal(("RJ-4", LinkKind.New), history[^1]);
        Assert.Contains(history, h => h.Kind == LinkKind.AutoMerge);
        Assert.True(history.FindIndex(h => h.Item1 == "RJ-3") < history.FindIndex(h => h.Kind == LinkKind.AutoMerge));
    }

    [Fact]
    public async Task RegisterBatchAsync_OneRecordFailsInTheDatabase_TheOthersAreStoredAndTheFailureIsReported()
    {
        // A registry the database refuses (NOT NULL): the batch's transaction fails and every record is retried alone.
        var broken = Item(Stranger("SOUTH_LAB", "L9"));
        broken = broken with { Normalized = broken.Normalized with { Record = new NormalizedRecord { Registry = null!, LocalId = "L9" } } };
        await using var db = _database.NewContext();

        var results = await _database.NewRegistrar(db).RegisterBatchAsync(
            [Item(Margaret("NORTH_HOSP", "N1")), broken, Item(Stranger("NORTH_HOSP", "N2"))], _database.Model, "test-engine", CancellationToken.None);

        Assert.True(results[0].Outcome is not null, results[0].Error?.ToString());
        Assert.NotNull(results[1].Error);
        // SQLite refuses the row as it is inserted; PostgreSQL's insert waits for the batch's next round trip, and the
        // record fails first where the service files it in memory: either way it fails alone.
        if (!_database.IsPostgres) Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(results[1].Error);
        Assert.NotNull(results[2].Outcome);
        await using var check = _database.NewContext();
        Assert.Equal(["N1", "N2"], await check.SourceRecords.OrderBy(r => r.LocalId).Select(r => r.LocalId).ToListAsync());
        Assert.Equal(2, await check.Persons.CountAsync());
        Assert.Equal(2, await check.LinkEvents.CountAsync());
        Assert.Equal(2, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Register_AfterAnotherProcessUpdatedACachedRecord_CandidatesAreScoredOnTheNewVersion()
    {
        // Two registrars with their own caches, as two processes on one file: the first caches the record as first
        // sent; the second changes it; the first must score the stored version, not its cached copy.
        await using var db = _database.NewContext();
        await using var otherDb = _database.NewContext();
        var registrar = _database.NewRegistrar(db);
        var first = await registrar.RegisterAsync(Stranger("NORTH_HOSP", "N1"), _database.Model, "test-engine", CancellationToken.None);
        await _database.NewRegistrar(otherDb).RegisterAsync(Margaret("NORTH_HOSP", "N1"), _database.Model, "other-engine", CancellationToken.None);

        var margaret = await registrar.RegisterAsync(Margaret("SOUTH_LAB", "L1"), _database.Model, "test-engine", CancellationToken.None);
        var kofi = await registrar.RegisterAsync(Stranger("SOUTH_LAB", "L2"), _database.Model, "test-engine", CancellationToken.None);

        Assert.Equal(first.PersonId, margaret.PersonId);
        Assert.Equal(RegistrationDecision.New, kofi.Decision);
    }

    [Fact]
    public async Task RegisterBatchAsync_WithAMessageId_TheAnswerIsStoredInTheRegistrationsCommit()
    {
        var remembered = Item(Margaret("NORTH_HOSP", "N1")) with
        {
            Message = new MessageToRemember("NORTH_HOSP", "MSH-1", "hash", outcome => System.Text.Encoding.UTF8.GetBytes(outcome.PersonId)),
        };
        await using var db = _database.NewContext();

        var result = Assert.Single(await _database.NewRegistrar(db).RegisterBatchAsync([remembered], _database.Model, "test-engine", CancellationToken.None));

        await using var check = _database.NewContext();
        var message = await check.ProcessedMessages.SingleAsync();
        Assert.Equal(result.Outcome!.PersonId, System.Text.Encoding.UTF8.GetString(message.Response));
        Assert.Equal(1, await check.SourceRecords.CountAsync());
    }

    [Fact]
    public async Task RegisterBatchAsync_RememberingTheAnswerFails_NothingOfTheRegistrationIsStored()
    {
        var failing = Item(Margaret("NORTH_HOSP", "N1")) with
        {
            Message = new MessageToRemember("NORTH_HOSP", "MSH-2", "hash", _ => throw new InvalidOperationException("answer could not be written")),
        };
        await using var db = _database.NewContext();

        var result = Assert.Single(await _database.NewRegistrar(db).RegisterBatchAsync([failing], _database.Model, "test-engine", CancellationToken.None));

        Assert.IsType<InvalidOperationException>(result.Error);
        await using var check = _database.NewContext();
        Assert.Equal(0, await check.SourceRecords.CountAsync());
        Assert.Equal(0, await check.ProcessedMessages.CountAsync());
        Assert.Equal(0, await check.Persons.CountAsync());
    }
}
