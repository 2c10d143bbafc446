using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// An audit row as the plain-command writers insert it (a registration's rows, the group-committed audit of reads):
/// one statement, and the entity's values converted as the EF model converts them, so that EF reads the rows back.
/// </summary>
public static class StoredAuditRows
{
    public const string Insert = """
        INSERT INTO "AuditEntries" ("At", "Actor", "Action", "Subject", "Outcome", "Reason") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        """;

    /// <summary>The values of <see cref="Insert"/>'s parameters @p0…@p5, in order.</summary>
    public static object?[] Values(AuditEntryEntity a) => [StoredTimes.Of(a.At), a.Actor, StoredWords.Of(a.Action), a.Subject, a.Outcome, a.Reason];
}
