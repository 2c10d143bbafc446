using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Tests.Service.Postgres;

/// <summary>
/// The first step of PostgreSQL as the shared store (issue 18): its own migrations build the whole model on a real
/// PostgreSQL 15, and the stored words, times and traits round-trip through it.
/// </summary>
public sealed class PostgresSchemaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static PostgresMpiDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresMpiDbContext>().UseNpgsql(connectionString).Options);

    [Fact]
    public async Task Migrate_OnAFreshDatabase_AppliesEveryMigrationAndLeavesNoModelChangeUnmigrated()
    {
        await using var db = Context(await server.CreateDatabaseAsync());

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed since the last PostgreSQL migration: add one");
    }

    [Fact]
    public async Task Rows_RoundTripTheirStoredWordsTimesAndTraits()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var at = new DateTimeOffset(2026, 12, 6, 23, 59, 1, TimeSpan.Zero);
        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync();
            db.Persons.Add(new PersonEntity { Id = "P1", CreatedAt = at, Version = 1 });
            var record = new SourceRecordEntity { Registry = "NORTH_HOSP", LocalId = "N-1", PersonId = "P1", Version = 1, CreatedAt = at, UpdatedAt = at };
            db.SourceRecords.Add(record);
            await db.SaveChangesAsync();
            db.LinkEvents.Add(new LinkEventEntity
            {
                SourceRecordId = record.Id, ToPersonId = "P1", Kind = LinkKind.AutoLink, Actor = "test", At = at, Probability = 0.97,
                Traits = DecisionTraits.Guarded | DecisionTraits.QualitySampled,
            });
            await db.SaveChangesAsync();
        }

        await using var read = Context(connectionString);
        var stored = await read.LinkEvents.SingleAsync();
        Assert.Equal((LinkKind.AutoLink, at, DecisionTraits.Guarded | DecisionTraits.QualitySampled), (stored.Kind, stored.At, stored.Traits));
        Assert.Equal("N-1", (await read.SourceRecords.SingleAsync(r => r.PersonId == "P1")).LocalId);
    }
}
