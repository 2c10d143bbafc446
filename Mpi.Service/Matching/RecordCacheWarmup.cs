using System.Diagnostics;
using Microsoft.Extensions.Options;
using Mpi.Matching.Normalization;
using Mpi.Service.Hosting;
using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// Fills the normalised-record cache from the database in the background after start-up, so that the first calls
/// after a restart do not each pay for normalising their candidates. Reads in short pages by id (no long read
/// transaction that would hold back WAL checkpoints); calls are served meanwhile and fill the cache themselves.
/// </summary>
public sealed partial class RecordCacheWarmup(IServiceScopeFactory scopes, NormalizedRecordCache cache, RecordNormalizer normalizer,
    IOptions<MpiServiceOptions> options, ILogger<RecordCacheWarmup> log) : BackgroundService
{
    private const int PageSize = 5_000; // as in the LIMIT below
    private const string Page = $"""
        SELECT "Id", "Version", {StoredRecordRows.Columns} FROM "SourceRecords" WHERE "Id" > @after ORDER BY "Id" LIMIT 5000
        """;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.WarmRecordCache) return;
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        long after = 0;
        var total = 0;
        while (!stopping.IsCancellationRequested && cache.Count < NormalizedRecordCache.DefaultCapacity)
        {
            var read = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
                using var command = DirectCommand.Create(db, Page);
                command.Parameter("@after").Value = after;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    after = reader.GetInt64(0);
                    var version = reader.GetInt32(1);
                    if (cache.Find(after, version) is null)
                        cache.Add(after, version, normalizer.Normalize(StoredRecordRows.Read(reader, offset: 2)).Record);
                    read++;
                }
            }
            total += read;
            if (read < PageSize) break;
        }
        Warmed(log, total, clock.Elapsed.TotalSeconds);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Record cache warmed: {Records} records in {Seconds:F1} s")]
    private static partial void Warmed(ILogger logger, int records, double seconds);
}
