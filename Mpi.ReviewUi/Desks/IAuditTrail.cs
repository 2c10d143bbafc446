namespace Mpi.ReviewUi.Desks;

/// <summary>The audit trail, newest first: every decision and every read of a person. Keys and outcomes only.</summary>
public interface IAuditTrail
{
    Task<IReadOnlyList<AuditRow>> ListAsync(AuditQuery query, CancellationToken cancellation);

    /// <summary>Every action the audit records, as the filter takes it.</summary>
    IReadOnlyList<string> Actions { get; }
}

/// <summary>Filters (all optional, exact match except <see cref="Subject"/>, which is a prefix).</summary>
public sealed record AuditQuery(string? Actor, string? Action, string? Subject, DateTimeOffset? From, DateTimeOffset? To, int Take = 200);

public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Outcome, string? Reason);
