using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Crash;

/// <summary>
/// The issue's acceptance point: <c>kill -9</c> of the service during a register load, then a restart on the same
/// file. Every register call that returned OK is there with the person it returned, no record is half-written, and
/// the service starts cleanly. The service runs as a real separate process (<c>dotnet Mpi.Service.dll</c>).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Callers = 8;
    private const int Persons = 2_000;
    private const int KillAfterAcknowledged = 800;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Register_ServiceKilledMidLoadThenRestarted_EveryAcknowledgedRecordIsStoredWhole()
    {
        var folder = Directory.CreateTempSubdirectory("mpi-crash-");
        var database = Path.Combine(folder.FullName, "mpi.db");
        var clock = Stopwatch.StartNew();
        ServiceProcess? service = null;
        try
        {
            service = await ServiceProcess.StartAsync(database, StartTimeout);
            var key = service.DevelopmentKey ?? throw new InvalidOperationException($"no development key on the first start. Output:\n{service.Output}");
            var load = await RegisterUntilKilledAsync(service, key);
            output.WriteLine($"killed at {clock.Elapsed.TotalSeconds:0.0} s: {load.Acknowledged.Count} acknowledged ({load.Linked} linked), " +
                $"{load.InFlightAtKill} in flight, {load.Interrupted} interrupted, of {load.Sent} sent");

            service.Dispose();
            service = null;
            service = await ServiceProcess.StartAsync(database, StartTimeout);
            Assert.Null(service.DevelopmentKey);
            await AssertServingAsync(service, key);
            output.WriteLine($"restarted and serving at {clock.Elapsed.TotalSeconds:0.0} s");
            await AssertReadableOverGrpcAsync(service, key, load.Acknowledged);
            output.WriteLine($"read back over gRPC at {clock.Elapsed.TotalSeconds:0.0} s");
            await service.KillAsync(CallTimeout); // stopped hard again: the file must read whole after any stop

            var stored = AssertWholeInDatabase(database, load.Acknowledged);
            output.WriteLine($"done at {clock.Elapsed.TotalSeconds:0.0} s: {load.Acknowledged.Count} acknowledged verified over gRPC and SQLite; " +
                $"{stored - load.Acknowledged.Count} stored but not acknowledged");
        }
        finally
        {
            service?.Dispose();
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed record LoadResult(IReadOnlyDictionary<(string Registry, string LocalId), string> Acknowledged, int Linked, int InFlightAtKill,
        int Interrupted, int Sent);

    /// <summary>
    /// Eight callers register without pause; once <see cref="KillAfterAcknowledged"/> calls have returned OK the
    /// process is killed under them, so calls are in flight. Each caller stops at its first call that fails after the
    /// kill (not acknowledged); a call that fails before the kill is a test failure.
    /// </summary>
    private static async Task<LoadResult> RegisterUntilKilledAsync(ServiceProcess service, string key)
    {
        var messages = CrashLoad.Messages(Persons, seed: 20261125);
        var acknowledged = new ConcurrentDictionary<(string, string), string>();
        var killSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = 0;
        var (next, sent, inFlight, interrupted, linked) = (-1, 0, 0, 0, 0);
        using var channel = service.ChannelWith(key);
        var client = new RegistrationService.RegistrationServiceClient(channel);

        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages.Length)
            {
                Interlocked.Increment(ref sent);
                Interlocked.Increment(ref inFlight);
                try
                {
                    var response = await RetryingRegistration.RegisterAsync(client, messages[i], CancellationToken.None, CallTimeout);
                    acknowledged[(messages[i].Key.Registry, messages[i].Key.LocalId)] = response.PersonId;
                    if (response.Decision is Decision.RuleLink or Decision.AutoLink) Interlocked.Increment(ref linked);
                    if (acknowledged.Count >= KillAfterAcknowledged) killSignal.TrySetResult();
                }
                catch (RpcException) when (Volatile.Read(ref killed) == 1)
                {
                    Interlocked.Increment(ref interrupted);
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        })).ToArray();

        var all = Task.WhenAll(callers);
        if (await Task.WhenAny(killSignal.Task, all).WaitAsync(TimeSpan.FromSeconds(60)) == all)
        {
            await all; // a caller failed before the kill: its exception is the failure
            throw new InvalidOperationException($"the load ended before {KillAfterAcknowledged} calls were acknowledged");
        }
        Volatile.Write(ref killed, 1);
        var inFlightAtKill = Volatile.Read(ref inFlight);
        await service.KillAsync(CallTimeout);
        await all.WaitAsync(CallTimeout * 2);

        Assert.True(inFlightAtKill > 0, "no call was in flight when the service was killed");
        Assert.True(interrupted > 0, "no call failed: the kill did not interrupt the load");
        Assert.True(acknowledged.Count < messages.Length, "every message was acknowledged: the kill came after the load");
        Assert.True(linked > 0, "no registration linked to an existing person: the load does not exercise links");
        return new LoadResult(acknowledged, linked, inFlightAtKill, interrupted, sent);
    }

    private static async Task AssertServingAsync(ServiceProcess service, string key)
    {
        using var channel = service.ChannelWith(key);
        // Not serving while the restarted service loads its records into the directory; serving once it has.
        await Readiness.WaitUntilServingAsync(channel, CallTimeout);
    }

    /// <summary>Every acknowledged record, looked up by its key after the restart, belongs to the person the call returned.</summary>
    private static async Task AssertReadableOverGrpcAsync(ServiceProcess service, string key,
        IReadOnlyDictionary<(string Registry, string LocalId), string> acknowledged)
    {
        using var channel = service.ChannelWith(key);
        var client = new PersonService.PersonServiceClient(channel);
        var keys = new ConcurrentQueue<(string Registry, string LocalId)>(acknowledged.Keys);
        var wrong = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (keys.TryDequeue(out var record))
            {
                try
                {
                    var person = await client.GetPersonAsync(new GetPersonRequest
                    {
                        Record = new RecordKey { Registry = record.Registry, LocalId = record.LocalId }, Reason = "crash recovery test",
                    }, deadline: DateTime.UtcNow.Add(CallTimeout));
                    if (person.PersonId != acknowledged[record]) wrong.Add($"{record}: acknowledged {acknowledged[record]}, read {person.PersonId}");
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    wrong.Add($"{record}: acknowledged {acknowledged[record]}, not found");
                }
            }
        })));

        Assert.True(wrong.IsEmpty, $"{wrong.Count} acknowledged registrations lost or changed after the restart:\n{string.Join('\n', wrong.Take(20))}");
    }

    /// <summary>
    /// Read straight from the file once the service is gone: the acknowledged records with their persons, and no
    /// half-written registration anywhere. Returns how many source records are stored.
    /// </summary>
    internal static int AssertWholeInDatabase(string database, IReadOnlyDictionary<(string Registry, string LocalId), string> acknowledged)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check"));

        var stored = new Dictionary<(string, string), string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Registry, LocalId, PersonId FROM SourceRecords";
            using var reader = command.ExecuteReader();
            while (reader.Read()) stored[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }
        var missing = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var person) || person != a.Value).Select(a => $"{a.Key}").ToArray();
        Assert.True(missing.Length == 0, $"{missing.Length} acknowledged registrations missing from the file or stored with another person: {string.Join(", ", missing.Take(20))}");

        var halfWritten = HalfWritten.Select(check => (check.What, Count: Scalar<long>(connection, check.Sql)))
            .Where(check => check.Count > 0).Select(check => $"{check.Count} {check.What}").ToArray();
        Assert.True(halfWritten.Length == 0, $"half-written registrations in the file: {string.Join("; ", halfWritten)}");
        return stored.Count;
    }

    /// <summary>Each query counts the rows that show a registration written in part; a whole one writes them all in one transaction.</summary>
    private static readonly (string What, string Sql)[] HalfWritten =
    [
        ("source records without their person", "SELECT COUNT(*) FROM SourceRecords r WHERE NOT EXISTS (SELECT 1 FROM Persons p WHERE p.Id = r.PersonId)"),
        ("source records without a link event", "SELECT COUNT(*) FROM SourceRecords r WHERE NOT EXISTS (SELECT 1 FROM LinkEvents e WHERE e.SourceRecordId = r.Id)"),
        ("source records without their register audit entry",
            "SELECT COUNT(*) FROM SourceRecords r WHERE NOT EXISTS (SELECT 1 FROM AuditEntries a WHERE a.Action = 'register' AND a.Subject = r.Registry || '/' || r.LocalId)"),
        ("register audit entries without their source record",
            "SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'register' AND NOT EXISTS (SELECT 1 FROM SourceRecords r WHERE a.Subject = r.Registry || '/' || r.LocalId)"),
        ("persons without a source record", "SELECT COUNT(*) FROM Persons p WHERE NOT EXISTS (SELECT 1 FROM SourceRecords r WHERE r.PersonId = p.Id)"),
        ("link events without their source record", "SELECT COUNT(*) FROM LinkEvents e WHERE NOT EXISTS (SELECT 1 FROM SourceRecords r WHERE r.Id = e.SourceRecordId)"),
        ("review tasks without their source record", "SELECT COUNT(*) FROM ReviewTasks t WHERE NOT EXISTS (SELECT 1 FROM SourceRecords r WHERE r.Id = t.SourceRecordId)"),
    ];

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
