using System.Data.Common;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// Reads a person's rows over one connection of its own with statements prepared once (<see cref="PersonRowReaders"/>
/// lends it to one read at a time). SQLite spends more preparing the history's union than running it, and EF Core
/// prepares every statement anew: a person read had cost about a millisecond of CPU, most of it outside SQLite's
/// look-ups. The reads of one person share a read transaction, so they see one committed state.
/// </summary>
public sealed class PersonRowReader : IDisposable
{
    // The demographic columns need no table name: no other table in these statements has a column of those names.
    private const string RecordColumns = $"""
        s."Id", s."PersonId", s."Version", s."CreatedAt", s."UpdatedAt", {StoredRecordRows.Columns}, s."DeactivatedAt", s."SourceEventAt"
        """;

    /// <summary>Where <see cref="RecordColumns"/>' two columns after the demographic ones start, from the record's first column.</summary>
    private const int AfterDemographics = 5 + StoredRecordRows.Count;

    private const string EventColumns = """
        "Id", "SourceRecordId", "FromPersonId", "ToPersonId", "Kind", "Rule", "ReviewTaskId", "Probability", "ModelVersion", "Actor", "At",
        "Reason", "OperationId", "Evidence"
        """;

    private readonly DbConnection _connection;
    private readonly DbCommand _personOfRecord, _person, _records, _history, _openTasks, _staleUpdates;

    /// <summary>The statements that take the person's id, and all of them (built once: a read runs through both lists).</summary>
    private readonly DbCommand[] _ofPerson, _all;

    /// <param name="connection">An open connection of its own (<see cref="DatabaseTarget.OpenConnection"/>), disposed with the reader.</param>
    public PersonRowReader(DbConnection connection)
    {
        _connection = connection;
        _personOfRecord = Command("""SELECT "PersonId" FROM "SourceRecords" WHERE "Registry" = @registry AND "LocalId" = @localId""", "@registry", "@localId");
        _person = Command("""SELECT "Id", "CreatedAt", "MergedIntoId", "RetiredAt", "Version" FROM "Persons" WHERE "Id" = @person""", "@person");
        _records = Command($"""SELECT {RecordColumns} FROM "SourceRecords" AS s WHERE s."PersonId" = @person""", "@person");
        // Three indexed look-ups in a union: one condition over both tables would scan every event.
        _history = Command($"""
            SELECT e.*, {RecordColumns}
            FROM (SELECT {EventColumns} FROM "LinkEvents" WHERE "SourceRecordId" IN (SELECT "Id" FROM "SourceRecords" WHERE "PersonId" = @person)
                  UNION SELECT {EventColumns} FROM "LinkEvents" WHERE "ToPersonId" = @person
                  UNION SELECT {EventColumns} FROM "LinkEvents" WHERE "FromPersonId" = @person) AS e
            JOIN "SourceRecords" AS s ON s."Id" = e."SourceRecordId"
            ORDER BY e."Id"
            """, "@person");
        _openTasks = Command("""
            SELECT t."Id", s."Registry" FROM "ReviewTasks" AS t JOIN "SourceRecords" AS s ON s."Id" = t."SourceRecordId"
            WHERE s."PersonId" = @person AND t."State" <> @resolved ORDER BY t."Id"
            """, "@person", "@resolved");
        _openTasks.Parameters["@resolved"].Value = StoredWords.Of(TaskState.Resolved);
        _staleUpdates = Command("""
            SELECT u."Id", u."SourceRecordId", u."SourceEventAt", u."HeldSourceEventAt", u."ReceivedAt", u."Sender", u."MessageId", u."Demographics"
            FROM "StaleUpdates" AS u JOIN "SourceRecords" AS s ON s."Id" = u."SourceRecordId" WHERE s."PersonId" = @person ORDER BY u."Id"
            """, "@person");
        _ofPerson = [_person, _records, _history, _openTasks, _staleUpdates];
        _all = [_personOfRecord, .. _ofPerson];
    }

    /// <summary>The person's rows, or null when no person has that id.</summary>
    public PersonRows? Read(string personId) => InSnapshot(() => RowsOf(personId));

    /// <summary>
    /// The rows of the person holding a record, or null when no record has that key: the look-up and the rows in one
    /// snapshot, so a record moved by a concurrent link or merge is read with the person it moved to, never with the
    /// one it left.
    /// </summary>
    public PersonRows? ReadHolding(string registry, string localId) => InSnapshot(() =>
    {
        _personOfRecord.Parameters["@registry"].Value = registry;
        _personOfRecord.Parameters["@localId"].Value = localId;
        return _personOfRecord.ExecuteScalar() is string personId ? RowsOf(personId) : null;
    });

    private PersonRows? InSnapshot(Func<PersonRows?> read)
    {
        using var transaction = DatabaseTarget.BeginSnapshot(_connection);
        foreach (var command in _all) command.Transaction = transaction;
        var rows = read();
        transaction.Commit();
        return rows;
    }

    private PersonRows? RowsOf(string personId)
    {
        foreach (var command in _ofPerson) command.Parameters["@person"].Value = personId;
        PersonEntity? person;
        using (var reader = _person.ExecuteReader())
            person = reader.Read()
                ? new PersonEntity
                {
                    Id = reader.GetString(0), CreatedAt = StoredTimes.At(reader.GetInt64(1)), MergedIntoId = Text(reader, 2),
                    RetiredAt = reader.IsDBNull(3) ? null : StoredTimes.At(reader.GetInt64(3)), Version = reader.GetInt32(4),
                }
                : null;
        if (person is null) return null;
        var records = new List<SourceRecordEntity>();
        using (var reader = _records.ExecuteReader())
            while (reader.Read()) records.Add(RecordAt(reader, 0));
        var history = new List<(LinkEventEntity, SourceRecordEntity)>();
        using (var reader = _history.ExecuteReader())
            while (reader.Read()) history.Add((EventAt(reader), RecordAt(reader, 14)));
        var openTasks = new List<(long, string)>();
        using (var reader = _openTasks.ExecuteReader())
            while (reader.Read()) openTasks.Add((reader.GetInt64(0), reader.GetString(1)));
        var staleUpdates = new List<StaleUpdateEntity>();
        using (var reader = _staleUpdates.ExecuteReader())
            while (reader.Read())
                staleUpdates.Add(new StaleUpdateEntity
                {
                    Id = reader.GetInt64(0), SourceRecordId = reader.GetInt64(1), SourceEventAt = StoredTimes.At(reader.GetInt64(2)),
                    HeldSourceEventAt = StoredTimes.At(reader.GetInt64(3)), ReceivedAt = StoredTimes.At(reader.GetInt64(4)), Sender = reader.GetString(5),
                    MessageId = Text(reader, 6), Demographics = reader.GetString(7),
                });
        return new PersonRows(person, records, history, openTasks, staleUpdates);
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameter(name);
        return command;
    }

    /// <summary>A source record from <see cref="RecordColumns"/> starting at <paramref name="offset"/>.</summary>
    private static SourceRecordEntity RecordAt(DbDataReader reader, int offset)
    {
        var received = StoredRecordRows.Read(reader, offset + 5);
        var record = new SourceRecordEntity
        {
            Id = reader.GetInt64(offset), PersonId = reader.GetString(offset + 1), Version = reader.GetInt32(offset + 2),
            CreatedAt = StoredTimes.At(reader.GetInt64(offset + 3)), UpdatedAt = StoredTimes.At(reader.GetInt64(offset + 4)),
            Registry = received.Registry, LocalId = received.LocalId,
            DeactivatedAt = reader.IsDBNull(offset + AfterDemographics) ? null : StoredTimes.At(reader.GetInt64(offset + AfterDemographics)),
            SourceEventAt = reader.IsDBNull(offset + AfterDemographics + 1) ? null : StoredTimes.At(reader.GetInt64(offset + AfterDemographics + 1)),
        };
        record.CopyDemographics(received);
        return record;
    }

    /// <summary>A link event from <see cref="EventColumns"/> at the start of the row.</summary>
    private static LinkEventEntity EventAt(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0), SourceRecordId = reader.GetInt64(1), FromPersonId = Text(reader, 2), ToPersonId = reader.GetString(3),
        Kind = StoredWords.LinkKindOf(reader.GetString(4)), Rule = Text(reader, 5), ReviewTaskId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
        Probability = reader.IsDBNull(7) ? null : reader.GetDouble(7), ModelVersion = Text(reader, 8), Actor = reader.GetString(9),
        At = StoredTimes.At(reader.GetInt64(10)), Reason = Text(reader, 11), OperationId = Text(reader, 12), Evidence = Text(reader, 13),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public void Dispose()
    {
        foreach (var command in _all) command.Dispose();
        _connection.Dispose();
    }
}
