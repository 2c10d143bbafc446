namespace Mpi.Service.Persistence.Entities;

/// <summary>A review UI user: name, role (clerk, steward, auditor) and password hash — never the password.</summary>
public sealed class ReviewerEntity
{
    public required string UserName { get; set; }
    public required string Role { get; set; }
    /// <summary>ASP.NET Core Identity's password hash format (salted PBKDF2).</summary>
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    /// <summary>For a clerk: the registries whose review tasks they work, comma-separated; null: every registry.</summary>
    public string? Registries { get; set; }
    /// <summary>The queue view the user last chose (its query string), shown again when they open the queue.</summary>
    public string? QueueFilter { get; set; }

    /// <summary>The longest <see cref="QueueFilter"/> kept (its column's length).</summary>
    public const int MaxQueueFilterLength = 500;
}
