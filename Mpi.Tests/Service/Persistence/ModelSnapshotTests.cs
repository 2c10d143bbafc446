using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;

namespace Mpi.Tests.Service.Persistence;

/// <summary>
/// The EF model and the last migration's snapshot agree: a schema change without its migration (or a type change
/// whose stored form differs, such as an enum stored as something other than its first words) fails here.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void TheModel_HasNoChangeWithoutAMigration()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mpi-snapshot-").FullName, "mpi.db");
        using var db = new MpiDbContext(new DbContextOptionsBuilder<MpiDbContext>().UseSqlite($"Data Source={file}").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
