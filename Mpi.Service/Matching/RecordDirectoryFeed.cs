using System.Data.Common;
using Mpi.Matching.Normalization;
using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// Reads the database into the <see cref="RecordDirectory"/>: once whole (in pages by id, with no long read
/// transaction to hold back WAL checkpoints), then by following the link events committed since the directory's
/// watermark, each with its record's current row. Plain commands, executed synchronously: SQLite runs in-process.
/// </summary>
public sealed class RecordDirectoryFeed(RecordDirectory directory, RecordNormalizer normalizer)
{
    private const int PageSize = 5_000; // as in the LIMITs below
    private const int LargeLoad = 100_000;
    private const string Records = $"""
        SELECT "Id", "Version", "PersonId", "UpdatedAt", "DeactivatedAt", {StoredRecordRows.Columns} FROM "SourceRecords" WHERE "Id" > @after ORDER BY "Id" LIMIT 5000
        """;
    // The demographic columns are the record's alone (no link-event column shares their names), so the one list of
    // them serves unqualified here too.
    private const string Events = $"""
        SELECT e."Id", r."Id", r."Version", r."PersonId", r."UpdatedAt", r."DeactivatedAt", {StoredRecordRows.Columns}
        FROM "LinkEvents" e JOIN "SourceRecords" r ON r."Id" = e."SourceRecordId" WHERE e."Id" > @after ORDER BY e."Id" LIMIT 5000
        """;
    private const string LastEvent = """SELECT COALESCE(MAX("Id"), 0) FROM "LinkEvents" """;

    /// <summary>Loads every record (first use of the directory), then catches up with what was committed meanwhile.</summary>
    public Task LoadAsync(MpiDbContext db, ActiveModel model, CancellationToken cancellation) =>
        directory.EnsureLoadedAsync((target, token) =>
        {
            target.UseRules(model.BlockingRules);
            using (var last = DirectCommand.Create(db, LastEvent)) target.StartAt((long)last.ExecuteScalar()!);
            long after = 0;
            using var command = DirectCommand.Create(db, Records);
            var parameter = command.Parameter("@after");
            while (!token.IsCancellationRequested)
            {
                parameter.Value = after;
                var page = new List<IndexedRecord>(PageSize);
                using (var reader = command.ExecuteReader())
                    while (reader.Read()) page.Add(Read(reader, offset: 0, producedBy: 0));
                target.AddLoaded(page);
                if (page.Count < PageSize) break;
                after = page[^1].Id;
            }
            token.ThrowIfCancellationRequested();
            Follow(db);
            // A large load grew the heap by about a gigabyte per million records, with as much garbage from reading
            // and normalising. One compacting collection now, before any call is served, packs the records together
            // and spares the first minutes of traffic the background collections that would otherwise follow.
            if (target.Count >= LargeLoad) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Task.CompletedTask;
        }, cancellation);

    /// <summary>
    /// How stale a read outside a write transaction may be about other processes' commits (this process applies its
    /// own at once): following the feed costs a statement, and Match answers in well under a millisecond.
    /// </summary>
    public static readonly TimeSpan OtherWritersLag = TimeSpan.FromMilliseconds(50);

    private long _nextDue; // Environment.TickCount64 from which the next catch-up is due (0: at once)

    /// <summary>Catches up unless another caller did within <see cref="OtherWritersLag"/>.</summary>
    public void CatchUpIfDue(MpiDbContext db)
    {
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref _nextDue);
        if (now < due) return;
        if (Interlocked.CompareExchange(ref _nextDue, now + (long)OtherWritersLag.TotalMilliseconds, due) != due) return;
        CatchUp(db);
    }

    /// <summary>
    /// Applies the link events committed since the watermark (inside a write transaction: exactly all of them). Before
    /// the directory is loaded there is nothing to follow: the load reads everything.
    /// </summary>
    public void CatchUp(MpiDbContext db)
    {
        if (directory.IsLoaded) Follow(db);
    }

    private void Follow(MpiDbContext db)
    {
        using var command = DirectCommand.Create(db, Events);
        var parameter = command.Parameter("@after");
        while (true)
        {
            var after = directory.Watermark;
            parameter.Value = after;
            // A record may appear under several events of a page; its row is its state after the last of them.
            var latest = new Dictionary<long, IndexedRecord>();
            var last = after;
            var read = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    last = reader.GetInt64(0);
                    var record = Read(reader, offset: 1, producedBy: last);
                    latest[record.Id] = record;
                    read++;
                }
            }
            if (read == 0) return;
            directory.Apply([.. latest.Values], last);
            if (read < PageSize) return;
        }
    }

    /// <summary>A record row (id, version, person, updated-at, deactivated-at, then the demographic columns) as the directory holds it.</summary>
    private IndexedRecord Read(DbDataReader reader, int offset, long producedBy)
    {
        var normalized = normalizer.Normalize(StoredRecordRows.Read(reader, offset + 5));
        return directory.Entry(reader.GetInt64(offset), reader.GetInt32(offset + 1), reader.GetString(offset + 2), normalized, reader.GetInt64(offset + 3),
            producedBy, inactive: !reader.IsDBNull(offset + 4));
    }
}
