using Microsoft.EntityFrameworkCore;

namespace Mpi.Service.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that EF Core keeps a migration history per provider: the
/// SQLite migrations (<c>Persistence/Migrations</c>) and the PostgreSQL ones (<c>Persistence/PostgresMigrations</c>)
/// each describe the schema in their provider's types.
/// </summary>
public sealed class PostgresMpiDbContext(DbContextOptions<PostgresMpiDbContext> options) : MpiDbContext(options);
