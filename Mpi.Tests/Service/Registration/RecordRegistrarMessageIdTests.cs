using System.Text;
using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Registration;

namespace Mpi.Tests.Service.Registration;

/// <summary>
/// A message id is claimed inside the registration's transaction: an earlier item of the same batch, or another
/// process's commit, is seen there, where no look-up before the write lock can see it.
/// </summary>
public sealed class RecordRegistrarMessageIdTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static PatientRecord Patient(string localId, string given, string nationalId) => new("NORTH_HOSP", localId)
    {
        GivenName = given, FamilyName = "Thompson", BirthDate = "1961-07-14", Sex = "F", AddressLine = "12 Wattle Street",
        City = "Delmar", PostalCode = "2546", NationalId = nationalId,
    };

    /// <summary>An item sent with <paramref name="messageId"/>; its answer is its person id, its hash stands for its content.</summary>
    private RegistrationItem Item(PatientRecord record, string messageId, string hash) =>
        new(record, new RecordNormalizer(_database.Clock).Normalize(record),
            new MessageToRemember("NORTH_HOSP", messageId, hash, outcome => Encoding.UTF8.GetBytes(outcome.PersonId)));

    [Fact]
    public async Task RegisterBatchAsync_SameMessageIdTwiceInOneBatch_TheSecondIsReusedOrReplayed()
    {
        await using var db = _database.NewContext();

        var results = await _database.NewRegistrar(db).RegisterBatchAsync(
            [Item(Patient("N1", "Margaret", "412345678"), "MSH-1", "first"), Item(Patient("N2", "Kofi", "498765432"), "MSH-1", "other"),
                Item(Patient("N1", "Margaret", "412345678"), "MSH-1", "first")],
            _database.Model, "test-engine", CancellationToken.None);

        Assert.NotNull(results[0].Outcome);
        Assert.True(results[1] is { Outcome: null, Error: null, Earlier.Reused: true });
        Assert.Equal(results[0].Outcome!.PersonId, Encoding.UTF8.GetString(results[2].Earlier!.Answer!));
        await using var check = _database.NewContext();
        Assert.Equal(["N1"], await check.SourceRecords.Select(r => r.LocalId).ToListAsync());
        Assert.Equal(1, await check.ProcessedMessages.CountAsync());
    }

    [Fact]
    public async Task RegisterAsync_MessageIdClaimedByAnotherProcess_IsSeenInsideTheTransaction()
    {
        // Two registrars on one file, as two processes: the second has never seen the first's message.
        await using var db = _database.NewContext();
        await using var otherDb = _database.NewContext();
        var first = await _database.NewRegistrar(db).RegisterAsync(Item(Patient("N1", "Margaret", "412345678"), "MSH-2", "first"),
            _database.Model, "test-engine", CancellationToken.None);

        var reused = await _database.NewRegistrar(otherDb).RegisterAsync(Item(Patient("N2", "Kofi", "498765432"), "MSH-2", "other"),
            _database.Model, "other-engine", CancellationToken.None);
        var retried = await _database.NewRegistrar(otherDb).RegisterAsync(Item(Patient("N1", "Margaret", "412345678"), "MSH-2", "first"),
            _database.Model, "other-engine", CancellationToken.None);

        Assert.True(reused is { Outcome: null, Earlier.Reused: true });
        Assert.Equal(first.Outcome!.PersonId, Encoding.UTF8.GetString(retried.Earlier!.Answer!));
        await using var check = _database.NewContext();
        Assert.Equal(1, await check.SourceRecords.CountAsync());
        Assert.Equal(1, await check.LinkEvents.CountAsync());
    }
}
