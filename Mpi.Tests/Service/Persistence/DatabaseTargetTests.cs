using Mpi.Service.Persistence;
using Npgsql;

namespace Mpi.Tests.Service.Persistence;

/// <summary>What <c>--database</c> becomes: a file path for SQLite, a connection string or URI for PostgreSQL, tuned unless it says otherwise.</summary>
public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData("Host=db.internal;Username=mpi;Database=mpi")]
    [InlineData("postgresql://mpi@db.internal:5432/mpi")]
    public void Of_APostgresServer_PreparesTheHotStatementsAndKeepsPooledSessions(string database)
    {
        var target = DatabaseTarget.Of(database);

        var settings = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.True(target.IsPostgres);
        Assert.Equal((64, 2, true), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.NoResetOnClose));
        Assert.Equal(("db.internal", "mpi"), (settings.Host, settings.Database));
    }

    [Fact]
    public void Of_AConnectionStringThatSetsTheTuningItself_KeepsItsOwn()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DatabaseTarget.Of("Host=db.internal;Database=mpi;Max Auto Prepare=0;NoResetOnClose=false").ConnectionString);

        Assert.Equal((0, false), (settings.MaxAutoPrepare, settings.NoResetOnClose));
    }

    [Theory]
    [InlineData("Host=db.internal;Database=mpi;Include Error Detail=true")]
    [InlineData("postgresql://mpi@db.internal/mpi?IncludeErrorDetail=true")]
    public void Of_AConnectionStringAskingForErrorDetails_GetsNone_TheyQuoteRowValuesIntoLogs(string database) =>
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseTarget.Of(database).ConnectionString).IncludeErrorDetail);

    [Fact]
    public void Of_AFilePath_IsSqlite()
    {
        var target = DatabaseTarget.Of(Path.Combine(Path.GetTempPath(), "mpi-target-test.db"));

        Assert.False(target.IsPostgres);
        Assert.Equal("mpi-target-test.db", target.Name);
    }
}
