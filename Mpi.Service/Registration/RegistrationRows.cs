using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Registration;

/// <summary>
/// The rows a new registration writes (person, source record, review task, link event, audit entry, and the answer to a message id,
/// whose earlier claim it also reads; it closes its key's open exceptions), inserted with prepared commands that are reused for every record of a batch. A registration writes some twenty
/// rows; through EF Core each would be a freshly built command, which made the database the bottleneck of bulk loads.
/// On PostgreSQL the rows whose ids nobody reads (person, audit entry, message answer, closed exceptions) are deferred
/// to go with the next statement, and with <see cref="Prefetch"/> the batch's look-ups are made at once and the ids of
/// its records and link events drawn ahead, so those rows are deferred too: a new registration that is not sent to
/// review makes no round trip of its own (it made seven or eight once, then three).
/// Values are those of the entity types, converted as the EF model converts them, so that EF reads the rows back.
/// </summary>
public sealed class RegistrationRows(MpiDbContext db) : IDisposable
{
    private readonly PreparedCommands _commands = new(db);
    private PrefetchedBatch? _batch;
    private long? _nextEvent; // the id drawn for the link event of the record just inserted

    public void InsertPerson(PersonEntity person) =>
        _commands.Defer("""INSERT INTO "Persons" ("Id", "CreatedAt", "Version") VALUES (@p0, @p1, @p2)""",
            person.Id, StoredTimes.Of(person.CreatedAt), person.Version);

    /// <summary>
    /// PostgreSQL: reads at once what the batch's items would ask one by one (<see cref="PrefetchedBatch"/>), so that
    /// a new registration's rows all wait for the next statement; SQLite, in-process, is asked item by item.
    /// </summary>
    public void Prefetch(IReadOnlyList<RegistrationItem> items)
    {
        if (_commands.Batches && items.Count > 0) _batch = PrefetchedBatch.Read(_commands, items);
    }

    /// <summary>Inserts the record and returns its new row id.</summary>
    public long InsertSourceRecord(SourceRecordEntity r)
    {
        object?[] values =
        [
            r.PersonId, r.Version, StoredTimes.Of(r.CreatedAt), StoredTimes.Of(r.UpdatedAt), r.Registry, r.LocalId, r.GivenName, r.MiddleName, r.FamilyName,
            r.Suffix, r.BirthDate, r.Sex, r.AddressLine, r.AddressLine2, r.City, r.State, r.PostalCode, r.Phone, r.Email, r.NationalId, r.Identifiers,
            r.SourceEventAt is { } sourceEvent ? StoredTimes.Of(sourceEvent) : null,
        ];
        if (_batch is null) return (long)_commands.Scalar($"{InsertRecord} RETURNING \"Id\"", values)!;
        (r.Id, _nextEvent) = _batch.NextIds();
        _commands.Defer(InsertRecordWithId, [.. values, r.Id]);
        _batch.Records[(r.Registry, r.LocalId)] = r.Id;
        return r.Id;
    }

    private const string InsertRecord = $"""
        INSERT INTO "SourceRecords" ("PersonId", "Version", "CreatedAt", "UpdatedAt", {StoredRecordRows.Columns}, "SourceEventAt")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21)
        """;
    private const string InsertRecordWithId = $"""
        INSERT INTO "SourceRecords" ("PersonId", "Version", "CreatedAt", "UpdatedAt", {StoredRecordRows.Columns}, "SourceEventAt", "Id")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22)
        """;

    /// <summary>Inserts the task and returns its new id.</summary>
    public long InsertReviewTask(ReviewTaskEntity t) => (long)_commands.Scalar("""
        INSERT INTO "ReviewTasks" ("SourceRecordId", "CandidatePersonIds", "Probability", "ModelVersion", "State", "CreatedAt", "Version", "Evidence",
            "Cause", "CauseGuard", "CauseRivalPersonId")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10) RETURNING "Id"
        """, t.SourceRecordId, StoredWords.Of(t.CandidatePersonIds), t.Probability, t.ModelVersion, StoredWords.Of(t.State), StoredTimes.Of(t.CreatedAt), t.Version,
        t.Evidence, t.Cause is { } cause ? StoredWords.Of(cause) : null, t.CauseGuard is { } guard ? StoredWords.Of(guard) : null, t.CauseRivalPersonId)!;

    /// <summary>
    /// Inserts the event and returns its id (the record directory's position in the history): the id drawn with its
    /// record's, when the batch drew them ahead (a new record's event is the first thing written after the record).
    /// </summary>
    public long InsertLinkEvent(LinkEventEntity e)
    {
        object?[] values =
        [
            e.SourceRecordId, e.FromPersonId, e.ToPersonId, StoredWords.Of(e.Kind), e.Rule, e.ReviewTaskId, e.Probability, e.ModelVersion, e.Actor,
            StoredTimes.Of(e.At), e.Reason, e.OperationId, e.Evidence, e.Traits is { } traits ? (int)traits : null,
        ];
        if (_nextEvent is not { } id) return (long)_commands.Scalar($"{InsertEvent} RETURNING \"Id\"", values)!;
        _nextEvent = null;
        _commands.Defer(InsertEventWithId, [.. values, id]);
        return id;
    }

    private const string InsertEvent = """
        INSERT INTO "LinkEvents" ("SourceRecordId", "FromPersonId", "ToPersonId", "Kind", "Rule", "ReviewTaskId", "Probability",
            "ModelVersion", "Actor", "At", "Reason", "OperationId", "Evidence", "Traits")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
        """;
    private const string InsertEventWithId = """
        INSERT INTO "LinkEvents" ("SourceRecordId", "FromPersonId", "ToPersonId", "Kind", "Rule", "ReviewTaskId", "Probability",
            "ModelVersion", "Actor", "At", "Reason", "OperationId", "Evidence", "Traits", "Id")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14)
        """;

    /// <summary>
    /// Moves every record of <paramref name="personId"/> onto <paramref name="intoPersonId"/>, one history event per
    /// record (of <paramref name="kind"/>, sharing <paramref name="operation"/>, so that an unmerge can undo it), and
    /// marks the person merged into the other, both persons' versions bumped: what a steward's merge does, inside the
    /// registration's transaction.
    /// </summary>
    public void MergePerson(string personId, string intoPersonId, LinkKind kind, string operation, double probability, string modelVersion,
        string actor, DateTimeOffset at, string reason)
    {
        _commands.Execute("""
            INSERT INTO "LinkEvents" ("SourceRecordId", "FromPersonId", "ToPersonId", "Kind", "Probability", "ModelVersion", "Actor", "At",
                "Reason", "OperationId")
            SELECT "Id", @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8 FROM "SourceRecords" WHERE "PersonId" = @p0 ORDER BY "Id"
            """, personId, intoPersonId, StoredWords.Of(kind), probability, modelVersion, actor, StoredTimes.Of(at), reason, operation);
        _commands.Execute("""UPDATE "SourceRecords" SET "PersonId" = @p1 WHERE "PersonId" = @p0""", personId, intoPersonId);
        _commands.Execute("""UPDATE "Persons" SET "MergedIntoId" = @p1, "Version" = "Version" + 1 WHERE "Id" = @p0""", personId, intoPersonId);
        _commands.Execute(BumpPersonVersion, intoPersonId);
        _batch?.Discard(); // its events drew from the sequence: later items' events must follow them
    }

    /// <summary>The person's version one more: a record was linked to it (its optimistic concurrency sees every change, common.proto).</summary>
    public void BumpPerson(string personId) => _commands.Defer(BumpPersonVersion, personId);

    private const string BumpPersonVersion = """UPDATE "Persons" SET "Version" = "Version" + 1 WHERE "Id" = @p0""";

    public void InsertAuditEntry(AuditEntryEntity a) => _commands.Defer(StoredAuditRows.Insert, StoredAuditRows.Values(a));

    /// <summary>
    /// The request hash and answer stored for a message id, or null. Read inside the write transaction, it sees every
    /// commit before this one and the batch's own inserts, so a message id has one claimant however many race for it.
    /// </summary>
    public (string RequestHash, byte[] Response)? FindProcessedMessage(string registry, string messageId)
    {
        if (_batch is not null) return _batch.Claimed.TryGetValue((registry, messageId), out var claimed) ? claimed : null;
        using var reader = _commands.Bind("""
            SELECT "RequestHash", "Response" FROM "ProcessedMessages" WHERE "Registry" = @p0 AND "MessageId" = @p1
            """, [registry, messageId]).ExecuteReader();
        return reader.Read() ? (reader.GetString(0), (byte[])reader.GetValue(1)) : null;
    }

    /// <summary>
    /// Remembers a message's answer, claiming its id. No ON CONFLICT: the registrar looked first in this transaction,
    /// so a duplicate here is a bug, and the key's violation rolls the registration back rather than storing it twice.
    /// </summary>
    public void InsertProcessedMessage(ProcessedMessageEntity m)
    {
        _commands.Defer("""
            INSERT INTO "ProcessedMessages" ("Registry", "MessageId", "RequestHash", "Response", "At") VALUES (@p0, @p1, @p2, @p3, @p4)
            """, m.Registry, m.MessageId, m.RequestHash, m.Response, StoredTimes.Of(m.At));
        _batch?.Claimed.Add((m.Registry, m.MessageId), (m.RequestHash, m.Response));
    }

    /// <summary>
    /// Closes the open exceptions of a key just registered (the corrected message re-sent): in the registration's
    /// transaction, so the exception is closed exactly when the record is stored.
    /// </summary>
    public void CloseExceptions(string registry, string localId, string actor, DateTimeOffset at) => _commands.Defer($"""
        UPDATE "RegistrationExceptions" SET "State" = @p0, "Resolution" = @p1, "ResolvedBy" = @p2, "ResolvedAt" = @p3
        WHERE "Registry" = @p4 AND "KeyLocalId" = @p5 AND {StoredExceptionFields.OpenFilter}
        """, StoredWords.Of(ExceptionState.Resolved), StoredWords.Of(ExceptionResolution.Resent), actor, StoredTimes.Of(at), registry, localId);

    /// <summary>The row id of the record held under this key, or null (a new key).</summary>
    public long? ExistingRecord(string registry, string localId)
    {
        if (_batch is not null) return _batch.Records.TryGetValue((registry, localId), out var held) ? held : null;
        return _commands.Scalar("""SELECT "Id" FROM "SourceRecords" WHERE "Registry" = @p0 AND "LocalId" = @p1""", registry, localId) is long id ? id : null;
    }

    /// <summary>
    /// Writes what waits to go with the next statement (<see cref="PreparedCommands.Defer"/>): before the transaction
    /// commits, and before anything else (EF) reads or writes in it. The ids drawn ahead are dropped, as EF's link
    /// events draw from the sequence themselves.
    /// </summary>
    public void Flush()
    {
        _commands.Flush();
        _batch?.Discard();
    }

    public void Dispose() => _commands.Dispose();
}
