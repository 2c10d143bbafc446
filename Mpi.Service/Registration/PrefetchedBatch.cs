using Mpi.Service.Persistence;

namespace Mpi.Service.Registration;

/// <summary>
/// What a batch of registrations would otherwise ask the database item by item, asked once at its start (PostgreSQL,
/// where each question is a network round trip inside the write lock that every replica waits for): which of its keys
/// are held and under which row, which of its message ids are claimed, and ids for its new records and their link
/// events, drawn ahead from the tables' sequences. Read under the write lock, it stays exact for the whole batch as
/// long as the batch adds what it writes itself (<see cref="Claimed"/>, <see cref="Records"/>).
/// </summary>
/// <remarks>
/// Ids drawn under the advisory lock are in commit order, as ids drawn row by row are. Within the transaction a link
/// event's id must also follow the events written before it by other statements (a merge's, EF's), which draw from
/// the same sequence: <see cref="Discard"/> drops the ids drawn before them, and the next item draws anew. Ids
/// drawn and not used are gaps, as a rolled-back transaction leaves.
/// </remarks>
internal sealed class PrefetchedBatch
{
    private const string HeldKeys = """
        SELECT 0, r."Registry", r."LocalId", r."Id" FROM unnest(@p0::text[], @p1::text[]) AS k("Registry", "LocalId")
        JOIN "SourceRecords" r ON r."Registry" = k."Registry" AND r."LocalId" = k."LocalId"
        """;
    private const string ClaimedMessages = """
        SELECT 1, m."Registry", m."MessageId", m."RequestHash", m."Response" FROM unnest(@p0::text[], @p1::text[]) AS k("Registry", "MessageId")
        JOIN "ProcessedMessages" m ON m."Registry" = k."Registry" AND m."MessageId" = k."MessageId"
        """;
    private const string DrawIds = """
        SELECT 2, nextval(pg_get_serial_sequence('"SourceRecords"', 'Id')), nextval(pg_get_serial_sequence('"LinkEvents"', 'Id'))
        FROM generate_series(1, @p0)
        """;

    private readonly PreparedCommands _commands;
    private readonly int _size;
    private readonly Queue<long> _recordIds = new(), _eventIds = new();

    /// <summary>The row id under each (registry, local id) held before the batch or written by it.</summary>
    public Dictionary<(string Registry, string LocalId), long> Records { get; } = [];

    /// <summary>The request hash and answer of each (registry, message id) claimed before the batch or by it.</summary>
    public Dictionary<(string Registry, string MessageId), (string RequestHash, byte[] Response)> Claimed { get; } = [];

    private PrefetchedBatch(PreparedCommands commands, int size) => (_commands, _size) = (commands, size);

    /// <summary>Asks the database everything at once: one round trip (with whatever statements were deferred).</summary>
    public static PrefetchedBatch Read(PreparedCommands commands, IReadOnlyList<RegistrationItem> items)
    {
        var batch = new PrefetchedBatch(commands, items.Count);
        var keys = items.Select(i => i.Normalized.Record).ToArray();
        var messages = items.Where(i => i.Message is not null).Select(i => i.Message!).ToArray();
        List<(string, object?[])> queries =
        [
            (HeldKeys, [keys.Select(k => k.Registry).ToArray(), keys.Select(k => k.LocalId).ToArray()]),
            (DrawIds, [items.Count]),
        ];
        if (messages.Length > 0) queries.Add((ClaimedMessages, [messages.Select(m => m.Registry).ToArray(), messages.Select(m => m.MessageId).ToArray()]));
        commands.ReadAll(queries, batch.Take);
        return batch;
    }

    /// <summary>The id for the next new record and its link event, drawn ahead (anew once the ones drawn are used or discarded).</summary>
    public (long Record, long Event) NextIds()
    {
        if (_recordIds.Count == 0) _commands.ReadAll([(DrawIds, [_size])], Take);
        return (_recordIds.Dequeue(), _eventIds.Dequeue());
    }

    /// <summary>Forgets the ids drawn so far: a statement is about to draw link events from the sequence itself.</summary>
    public void Discard()
    {
        _recordIds.Clear();
        _eventIds.Clear();
    }

    /// <summary>One row of the answer, by the query it came from (its first column).</summary>
    private void Take(System.Data.Common.DbDataReader row)
    {
        switch (row.GetInt32(0))
        {
            case 0:
                Records[(row.GetString(1), row.GetString(2))] = row.GetInt64(3);
                break;
            case 1:
                Claimed[(row.GetString(1), row.GetString(2))] = (row.GetString(3), (byte[])row.GetValue(4));
                break;
            default:
                _recordIds.Enqueue(row.GetInt64(1));
                _eventIds.Enqueue(row.GetInt64(2));
                break;
        }
    }
}
