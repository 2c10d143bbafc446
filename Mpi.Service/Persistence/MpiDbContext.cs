using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// The MPI's tables. SQLite by default (one file, WAL); the schema comes from migrations applied at start-up. The
/// PostgreSQL schema is the same model with migrations of its own (<see cref="PostgresMpiDbContext"/>).
/// </summary>
public class MpiDbContext : DbContext
{
    public MpiDbContext(DbContextOptions<MpiDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type, whose migrations are its own.</summary>
    protected MpiDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<PersonEntity> Persons => Set<PersonEntity>();
    public DbSet<SourceRecordEntity> SourceRecords => Set<SourceRecordEntity>();
    public DbSet<LinkEventEntity> LinkEvents => Set<LinkEventEntity>();
    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();
    public DbSet<ModelVersionEntity> ModelVersions => Set<ModelVersionEntity>();
    public DbSet<ReviewTaskEntity> ReviewTasks => Set<ReviewTaskEntity>();
    public DbSet<CredentialEntity> Credentials => Set<CredentialEntity>();
    public DbSet<ProcessedMessageEntity> ProcessedMessages => Set<ProcessedMessageEntity>();
    public DbSet<ReviewerEntity> Reviewers => Set<ReviewerEntity>();
    public DbSet<UiSessionEntity> UiSessions => Set<UiSessionEntity>();
    public DbSet<RegistrationExceptionEntity> RegistrationExceptions => Set<RegistrationExceptionEntity>();
    public DbSet<DifferentPersonMarkEntity> DifferentPersonMarks => Set<DifferentPersonMarkEntity>();
    public DbSet<StaleUpdateEntity> StaleUpdates => Set<StaleUpdateEntity>();

    /// <summary>Times as 64-bit binary values: SQLite has no date type, and text cannot be ordered or compared in SQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PersonEntity>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(40);
            e.Property(p => p.MergedIntoId).HasMaxLength(40);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        model.Entity<SourceRecordEntity>(e =>
        {
            e.HasIndex(r => new { r.Registry, r.LocalId }).IsUnique();
            e.HasIndex(r => r.PersonId);
            e.Property(r => r.Registry).HasMaxLength(64);
            e.Property(r => r.LocalId).HasMaxLength(100);
            e.Property(r => r.PersonId).HasMaxLength(40);
            e.HasOne<PersonEntity>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<LinkEventEntity>(e =>
        {
            e.Property(l => l.Kind).HasConversion(StoredWords.LinkKinds);
            e.HasIndex(l => l.SourceRecordId);
            e.HasIndex(l => l.ToPersonId);
            e.HasIndex(l => l.FromPersonId);
            e.HasIndex(l => l.OperationId);
        });
        model.Entity<AuditEntryEntity>(e =>
        {
            e.HasIndex(a => a.At);
            e.Property(a => a.Action).HasConversion(StoredWords.AuditActions);
        });
        model.Entity<ModelVersionEntity>(e => e.HasKey(m => m.Version));
        model.Entity<CredentialEntity>(e => e.HasKey(c => c.Id));
        model.Entity<ReviewerEntity>(e =>
        {
            e.HasKey(r => r.UserName);
            e.Property(r => r.UserName).HasMaxLength(64);
            e.Property(r => r.Role).HasMaxLength(16);
            e.Property(r => r.Registries).HasMaxLength(1000);
            e.Property(r => r.QueueFilter).HasMaxLength(ReviewerEntity.MaxQueueFilterLength);
        });
        model.Entity<UiSessionEntity>(e =>
        {
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(32);
            e.Property(u => u.UserName).HasMaxLength(64);
            e.HasIndex(u => u.StartedAt);
        });
        model.Entity<ProcessedMessageEntity>(e =>
        {
            e.HasKey(m => new { m.Registry, m.MessageId });
            e.HasIndex(m => m.At);
        });
        model.Entity<RegistrationExceptionEntity>(e =>
        {
            e.Property(x => x.Registry).HasMaxLength(64);
            e.Property(x => x.KeyRegistry).HasMaxLength(64);
            e.Property(x => x.KeyLocalId).HasMaxLength(100);
            e.Property(x => x.MessageId).HasMaxLength(128);
            e.Property(x => x.Sender).HasMaxLength(64);
            e.Property(x => x.State).HasConversion(StoredWords.ExceptionStates);
            e.Property(x => x.Resolution).HasConversion(StoredWords.ExceptionResolutions);
            e.HasIndex(x => new { x.Registry, x.State, x.Id });
            e.HasIndex(x => new { x.State, x.ReceivedAt });
            // What a registration looks up to close the exceptions of its key: open ones only, so the index stays small.
            e.HasIndex(x => new { x.Registry, x.KeyLocalId }).HasFilter(StoredExceptionFields.OpenFilter).HasDatabaseName("IX_RegistrationExceptions_Open_Key");
        });
        model.Entity<StaleUpdateEntity>(e =>
        {
            e.Property(u => u.Sender).HasMaxLength(64);
            e.Property(u => u.MessageId).HasMaxLength(128);
            e.HasOne<SourceRecordEntity>().WithMany().HasForeignKey(u => u.SourceRecordId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => u.SourceRecordId);
        });
        model.Entity<DifferentPersonMarkEntity>(e =>
        {
            e.Property(m => m.PersonId).HasMaxLength(40);
            e.Property(m => m.Origin).HasConversion(StoredWords.MarkOrigins);
            e.Property(m => m.MarkedBy).HasMaxLength(64);
            e.Property(m => m.RemovedBy).HasMaxLength(64);
            e.HasOne<SourceRecordEntity>().WithMany().HasForeignKey(m => m.SourceRecordId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => m.SourceRecordId);
            e.HasIndex(m => m.PersonId);
        });
        model.Entity<ReviewTaskEntity>(e =>
        {
            e.HasIndex(t => new { t.State, t.CreatedAt });
            e.HasIndex(t => t.SourceRecordId);
            e.Property(t => t.State).HasConversion(StoredWords.TaskStates);
            e.Property(t => t.Resolution).HasConversion(StoredWords.Resolutions);
            e.Property(t => t.CandidatePersonIds).HasConversion(StoredWords.Candidates, StoredWords.CandidatesComparer);
            e.Property(t => t.Cause).HasConversion(StoredWords.ReviewCauses);
            e.Property(t => t.CauseGuard).HasConversion(StoredWords.GuardReasons);
            e.Property(t => t.CauseRivalPersonId).HasMaxLength(40);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
    }
}
