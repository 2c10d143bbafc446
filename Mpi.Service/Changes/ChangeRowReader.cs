using System.Data.Common;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Changes;

/// <summary>
/// Reads the feed from the link history, on a read-only connection of its own and in one read transaction per call,
/// so a page is one committed state. A merge's retirement of the merged person is not stored as an event of its own:
/// it follows the last event that moved one of that person's records in the operation (a merge moves them all and
/// marks the person merged in one transaction), which makes the feed the same whether it is read live or years later.
/// So does a reviewer's link that moves the last record off the person it was registered on (the person a record sent
/// to review starts on): that person is marked merged into the chosen one in the same transaction, and, holding no
/// record and no longer active, never has a record moved off it again.
/// </summary>
public sealed class ChangeRowReader : IDisposable
{
    private const string Events = """
        SELECT e."Id", e."OperationId", r."Registry", r."LocalId", e."FromPersonId", e."ToPersonId", e."Kind", e."ModelVersion", e."At"
        FROM "LinkEvents" AS e JOIN "SourceRecords" AS r ON r."Id" = e."SourceRecordId"
        WHERE e."Id" >= @from ORDER BY e."Id" LIMIT @limit
        """;

    // OperationId is indexed; an operation has a handful of events, aggregated here rather than in SQL (SQLite's
    // group_concat and PostgreSQL's string_agg are not one function).
    private const string MergeGroup = """
        SELECT e."Id", r."Registry"
        FROM "LinkEvents" AS e JOIN "SourceRecords" AS r ON r."Id" = e."SourceRecordId"
        WHERE e."OperationId" = @operation AND e."FromPersonId" = @from AND e."Kind" IN (@steward, @auto)
        """;

    // The person a reviewer's link moved a record off: whom it is merged into, and the last event that moved a record
    // off it (FromPersonId is indexed); then the registries of the records that left it.
    private const string LeftBehind = """
        SELECT p."MergedIntoId", (SELECT MAX(e."Id") FROM "LinkEvents" AS e WHERE e."FromPersonId" = @from) FROM "Persons" AS p WHERE p."Id" = @from
        """;
    private const string RegistriesLeaving = """
        SELECT DISTINCT r."Registry" FROM "LinkEvents" AS e JOIN "SourceRecords" AS r ON r."Id" = e."SourceRecordId"
        WHERE e."FromPersonId" = @from AND e."ToPersonId" <> @from
        """;

    private const string FirstFrom = """SELECT "Id", "At" FROM "LinkEvents" WHERE "Id" >= @from ORDER BY "Id" LIMIT 1""";

    private const string Last = """SELECT COALESCE(MAX("Id"), 0) FROM "LinkEvents" """;

    private readonly DbConnection _connection;

    public ChangeRowReader(DatabaseTarget database) => _connection = database.OpenConnection(sqliteCacheMegabytes: 2, readOnly: true);

    /// <summary>
    /// The changes after <paramref name="after"/> from at most <paramref name="maxEvents"/> link events, each with the
    /// registries it concerns (a retirement: those of the merged records), the position the events read reach, and
    /// whether there may be more (as many events were read as asked for).
    /// </summary>
    public (IReadOnlyList<(IdentityChange Change, string[] Registries)> Changes, FeedPosition ReadTo, bool More) After(FeedPosition after, int maxEvents)
    {
        using var transaction = DatabaseTarget.BeginSnapshot(_connection);
        using var events = Command(Events, transaction);
        // After a retirement (or an event with none) the next event is the next id; before it, the event is read again for its retirement.
        events.Parameter("@from").Value = after.AfterRetirement ? after.EventId + 1 : after.EventId;
        events.Parameter("@limit").Value = maxEvents;
        var changes = new List<(IdentityChange, string[])>();
        long? lastRead = null;
        var read = 0;
        var mayRetire = new List<IdentityChange>(); // merges and reviewers' links: either may retire the person the record left
        using (var reader = events.ExecuteReader())
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var kind = StoredWords.LinkKindOf(reader.GetString(6));
                var change = new IdentityChange(new FeedPosition(id, false), reader.IsDBNull(1) ? $"ev{id}" : reader.GetString(1),
                    reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5),
                    ChangeOf(kind), kind, ActorOf(kind), reader.IsDBNull(7) ? null : reader.GetString(7), StoredTimes.At(reader.GetInt64(8)));
                if (change.Position > after) changes.Add((change, [change.Registry!]));
                if (kind.IsMerge() || kind == LinkKind.ReviewerLink) mayRetire.Add(change);
                lastRead = id;
                read++;
            }
        foreach (var move in mayRetire)
        {
            var (lastOfGroup, registries) = move.LinkKind == LinkKind.ReviewerLink ? EmptiedBy(move, transaction) : MergeGroupOf(move, transaction);
            if (lastOfGroup != move.Position.EventId) continue;
            var retired = move with
            {
                Position = new FeedPosition(move.Position.EventId, true), Registry = null, LocalId = null, Kind = ChangeKind.PersonRetired,
                LinkKind = null,
            };
            if (retired.Position > after) changes.Insert(changes.FindIndex(c => c.Item1 == move) + 1, (retired, registries));
        }
        transaction.Commit();
        // Everything up to the last event read was seen, a retirement after it included.
        return (changes, lastRead is { } last && new FeedPosition(last, true) > after ? new FeedPosition(last, true) : after, read == maxEvents);
    }

    /// <summary>The position after the newest change.</summary>
    public FeedPosition Head()
    {
        using var command = Command(Last, null);
        return new FeedPosition((long)command.ExecuteScalar()!, true);
    }

    /// <summary>
    /// The position just before the first change committed at or after <paramref name="cutoff"/>: a binary search over
    /// event ids, whose times grow with them.
    /// </summary>
    public FeedPosition OldestSince(DateTimeOffset cutoff)
    {
        using var transaction = DatabaseTarget.BeginSnapshot(_connection);
        using var first = Command(FirstFrom, transaction);
        var parameter = first.Parameter("@from");
        (long Id, DateTimeOffset At)? FirstAtOrAfter(long id)
        {
            parameter.Value = id;
            using var reader = first.ExecuteReader();
            return reader.Read() ? (reader.GetInt64(0), StoredTimes.At(reader.GetInt64(1))) : null;
        }
        if (FirstAtOrAfter(0) is not { } oldest) return FeedPosition.Start;
        if (oldest.At >= cutoff) return FeedPosition.Start;
        long low = oldest.Id, high;
        using (var last = Command(Last, transaction)) high = (long)last.ExecuteScalar()! + 1;
        // Invariant: event `low` is older than the cutoff (and so is every event before it); every event from `high` on is kept.
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (FirstAtOrAfter(middle) is { } found && found.At < cutoff) low = found.Id;
            else high = middle;
        }
        return FirstAtOrAfter(low + 1) is { } kept ? FeedPosition.Before(kept.Id) : new FeedPosition(low, true);
    }

    private (long LastOfGroup, string[] Registries) MergeGroupOf(IdentityChange merge, DbTransaction transaction)
    {
        using var command = Command(MergeGroup, transaction);
        command.Parameter("@operation").Value = DirectCommand.Nullable(merge.OperationId);
        command.Parameter("@from").Value = DirectCommand.Nullable(merge.PersonBefore);
        command.Parameter("@steward").Value = StoredWords.Of(LinkKind.StewardMerge);
        command.Parameter("@auto").Value = StoredWords.Of(LinkKind.AutoMerge);
        using var reader = command.ExecuteReader();
        var (last, registries) = (0L, new SortedSet<string>(StringComparer.Ordinal));
        while (reader.Read())
        {
            last = Math.Max(last, reader.GetInt64(0));
            registries.Add(reader.GetString(1));
        }
        return (last, [.. registries]);
    }

    /// <summary>
    /// For a reviewer's link: the event that emptied the person it moved the record off, when that person is merged into
    /// the one the record moved to (else 0: the link left records behind), with the registries of the records that left it.
    /// </summary>
    private (long Emptying, string[] Registries) EmptiedBy(IdentityChange link, DbTransaction transaction)
    {
        using (var left = Command(LeftBehind, transaction))
        {
            left.Parameter("@from").Value = DirectCommand.Nullable(link.PersonBefore);
            using var reader = left.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0) || reader.GetString(0) != link.PersonAfter || reader.IsDBNull(1)) return (0, []);
            if (reader.GetInt64(1) != link.Position.EventId) return (0, []);
        }
        using var leaving = Command(RegistriesLeaving, transaction);
        leaving.Parameter("@from").Value = DirectCommand.Nullable(link.PersonBefore);
        using var registries = leaving.ExecuteReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        while (registries.Read()) found.Add(registries.GetString(0));
        return (link.Position.EventId, [.. found]);
    }

    private DbCommand Command(string sql, DbTransaction? transaction)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static ChangeKind ChangeOf(LinkKind kind) => kind switch
    {
        LinkKind.New => ChangeKind.NewPerson,
        LinkKind.Updated => ChangeKind.RecordUpdated,
        LinkKind.RuleLink or LinkKind.AutoLink or LinkKind.ReviewerLink or LinkKind.StewardLink => ChangeKind.Link,
        LinkKind.StewardMerge or LinkKind.AutoMerge => ChangeKind.Merge,
        LinkKind.Unlink => ChangeKind.Unlink,
        LinkKind.Unmerge => ChangeKind.Unmerge,
        LinkKind.Deactivated => ChangeKind.RecordDeactivated,
        LinkKind.Reactivated => ChangeKind.RecordReactivated,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ActorKind ActorOf(LinkKind kind) => kind switch
    {
        LinkKind.New or LinkKind.RuleLink or LinkKind.AutoLink or LinkKind.AutoMerge => ActorKind.Engine,
        LinkKind.Updated or LinkKind.Deactivated or LinkKind.Reactivated => ActorKind.Source,
        LinkKind.ReviewerLink => ActorKind.Reviewer,
        _ => ActorKind.Steward,
    };

    public void Dispose() => _connection.Dispose();
}
