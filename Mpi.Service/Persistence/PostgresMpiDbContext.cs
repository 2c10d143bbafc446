using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mpi.Service.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own so that EF Core keeps a migration history per provider: the
/// SQLite migrations (<c>Persistence/Migrations</c>) and the PostgreSQL ones (<c>Persistence/PostgresMigrations</c>)
/// each describe the schema in their provider's types. It also holds the review UI's cookie keys, which only a shared
/// database needs: replicas behind a load balancer must open each other's sign-in cookies and anti-forgery tokens,
/// where an embedded SQLite service keeps them in a folder beside its file.
/// </summary>
public sealed class PostgresMpiDbContext(DbContextOptions<PostgresMpiDbContext> options) : MpiDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
