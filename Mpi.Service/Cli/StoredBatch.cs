using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence;

namespace Mpi.Service.Cli;

/// <summary>
/// What <c>dedupe --database</c> clusters: every record in the service's SQLite file, normalised as the service
/// normalises them, its active model, and the "not the same person" marks as record pairs that may never share a
/// cluster (each mark's record against every record its person holds now, the person followed through merges). Read
/// only: nothing is migrated or written.
/// </summary>
internal sealed record StoredBatch(BatchInput Input, MatchModel? Active, IReadOnlySet<(int, int)> KeptApart, int Marks)
{
    public static async Task<StoredBatch> ReadAsync(string databasePath, TimeProvider time, CancellationToken cancellation)
    {
        await using var db = ServiceFileRecords.OpenReadOnly(databasePath);
        var (stored, records, active) = await ServiceFileRecords.ReadAsync(db, time, cancellation);

        var index = new Dictionary<long, int>(stored.Count);
        for (var i = 0; i < stored.Count; i++) index[stored[i].Id] = i;
        var byPerson = stored.Select((r, i) => (r.PersonId, i)).ToLookup(x => x.PersonId, x => x.i);
        var marks = await db.DifferentPersonMarks.AsNoTracking().Where(m => m.RemovedAt == null).Select(m => new { m.SourceRecordId, m.PersonId })
            .ToListAsync(cancellation);
        var survivors = new DifferentPersonMarks(db);
        var keptApart = new HashSet<(int, int)>();
        foreach (var mark in marks)
        {
            var marked = index[mark.SourceRecordId];
            foreach (var other in byPerson[survivors.SurvivorOf(mark.PersonId)])
                if (other != marked) keptApart.Add(marked < other ? (marked, other) : (other, marked));
        }
        return new StoredBatch(new BatchInput(records, 0, new Dictionary<string, int>()), active, keptApart, marks.Count);
    }
}
