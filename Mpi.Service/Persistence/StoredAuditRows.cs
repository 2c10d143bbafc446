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

    /// <summary>How many parameters <see cref="Insert"/> and <see cref="InsertMany"/> take: @p0…@p5.</summary>
    public const int ColumnCount = 6;

    /// <summary>The values of <see cref="Insert"/>'s parameters @p0…@p5, in order.</summary>
    public static object?[] Values(AuditEntryEntity a) => [StoredTimes.Of(a.At), a.Actor, StoredWords.Of(a.Action), a.Subject, a.Outcome, a.Reason];

    /// <summary>PostgreSQL: many rows in one statement, each parameter an array of one column's values (<see cref="Columns"/>).</summary>
    public const string InsertMany = """
        INSERT INTO "AuditEntries" ("At", "Actor", "Action", "Subject", "Outcome", "Reason")
        SELECT * FROM unnest(@p0::bigint[], @p1::text[], @p2::text[], @p3::text[], @p4::text[], @p5::text[])
        """;

    /// <summary>The values of <see cref="InsertMany"/>'s parameters: the rows' values column by column, rows in order.</summary>
    public static object[] Columns(IReadOnlyList<AuditEntryEntity> rows)
    {
        var values = rows.Select(Values).ToArray();
        return [values.Select(v => (long)v[0]!).ToArray(), .. Enumerable.Range(1, ColumnCount - 1).Select(c => values.Select(v => (string?)v[c]).ToArray())];
    }
}
