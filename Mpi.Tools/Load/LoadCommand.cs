using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;
using Mpi.Service.Cli;
using Mpi.Service.Grpc;
using Mpi.Service.Csv;
using Mpi.Service.Registration;

namespace Mpi.Tools.Load;

/// <summary>
/// <c>load</c>: a gRPC client of a running service. Registers every row of a canonical CSV file, one record per
/// Register call, from N concurrent callers, and writes each record's person and decision as the service answered
/// (the same columns as <c>dedupe</c>, so the shared scorer reads it). Prints throughput and latency percentiles:
/// the service's load test.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        input.Required = false; // not for --oversized, which sends made-up records
        var map = CommonOptions.Map();
        var address = new Option<string>("--address")
        {
            Description = "The service; several replicas separated by commas (round robin over those that say SERVING, a call that finds its replica gone sent to another)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent callers (1 keeps file order)", DefaultValueFactory = _ => 8 };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write registry,local_id,person_id,decision,score per record (person_id as it ends, merges followed)" };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "API key (default: the MPI_API_KEY environment variable)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MPI_API_KEY"),
        };
        var stream = new Option<bool>("--stream") { Description = "Send over RegisterStream (one stream per caller) instead of one Register call per record" };
        var match = new Option<bool>("--match") { Description = "Send Match calls (query only, nothing stored) for the records instead of registering them" };
        var calls = new Option<int>("--calls") { Description = "Number of Match or GetPerson calls (cycling through the records; default: one per record)" };
        var readPersons = new Option<bool>("--read-persons")
        {
            Description = "Send GetPerson calls by the records' keys (registered before) instead of registering them; each read is audited",
        };
        var baseline = new Option<int>("--baseline-calls")
        {
            Description = "Empty-RPC (health check) calls measured first from the same callers, as the baseline (0: none)",
            DefaultValueFactory = _ => 20_000,
        };
        var warmup = new Option<double>("--warmup-seconds")
        {
            Description = "Unreported calls for this long before each measured Match or baseline run, so that this process's own " +
                "just-in-time compilation is not measured",
            DefaultValueFactory = _ => 3,
        };
        var mixed = new Option<bool>("--mixed")
        {
            Description = "Overload test: for --seconds, half the callers Register (a new record each call) and half Match; reports " +
                "Match latency, Register served and shed (RESOURCE_EXHAUSTED), and the time until a Register is served after the load",
        };
        var watch = new Option<bool>("--watch")
        {
            Description = "While registering, one identity-change consumer follows Watch from the feed's head (the feed's cost); reports the changes it received",
        };
        var seconds = new Option<double>("--seconds") { Description = "How long --mixed runs", DefaultValueFactory = _ => 30 };
        var oversized = new Option<int>("--oversized")
        {
            Description = "Send this many concurrent Registers with an oversized given name (with the key given, or none) and report " +
                "how each was answered; no --input needed",
        };
        var lag = new Option<int>("--lag")
        {
            Description = "Replication lag: register this many records, one at a time, on the first --address and time until the second's Match finds each",
        };
        var oversizedMegabytes = new Option<int>("--oversized-megabytes") { Description = "The given name's size for --oversized", DefaultValueFactory = _ => 4 };
        var command = new Command("load", "Register (or match) a CSV file through a running service; report speed next to an empty-RPC baseline")
        {
            input, map, address, concurrency, output, apiKey, stream, match, calls, baseline, warmup, mixed, seconds, oversized, oversizedMegabytes, readPersons, watch, lag,
        };
        command.SetAction((parse, cancellation) =>
        {
            if (parse.GetValue(oversized) is > 0 and var probes)
                return OversizedAsync(parse.GetValue(address)!, parse.GetValue(apiKey), probes, Math.Max(1, parse.GetValue(oversizedMegabytes)), cancellation);
            if (parse.GetValue(input) is not { } file)
            {
                Console.Error.WriteLine("--input is required (except with --oversized)");
                return Task.FromResult(ExitCodes.InputError);
            }
            return RunAsync(file, parse.GetValue(map), parse.GetValue(address)!,
                parse.GetValue(apiKey), Math.Max(1, parse.GetValue(concurrency)), parse.GetValue(output), Console.Out, Console.Error, cancellation,
                parse.GetValue(stream), new LoadMeasures(parse.GetValue(match), parse.GetValue(calls), parse.GetValue(baseline),
                    TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(warmup))), parse.GetValue(mixed) ? TimeSpan.FromSeconds(parse.GetValue(seconds)) : null,
                    parse.GetValue(readPersons), parse.GetValue(watch), parse.GetValue(lag)));
        });
        return command;
    }

    /// <summary>
    /// What to measure besides registration: Match calls instead, and the empty-RPC baseline first, each after
    /// <paramref name="WarmUp"/> of unreported calls; or, for <paramref name="Mixed"/>, Register and Match together.
    /// </summary>
    public sealed record LoadMeasures(bool Match, int MatchCalls, int BaselineCalls, TimeSpan WarmUp = default, TimeSpan? Mixed = null,
        bool ReadPersons = false, bool Watch = false, int LagChanges = 0)
    {
        public static readonly LoadMeasures RegisterOnly = new(false, 0, 0);
    }

    public static async Task<int> RunAsync(FileInfo input, string? map, string address, string? apiKey, int concurrency, FileInfo? output,
        TextWriter stdout, TextWriter errors, CancellationToken cancellation, bool stream = false, LoadMeasures? measures = null)
    {
        measures ??= LoadMeasures.RegisterOnly;
        var columnMap = ColumnMap.Parse(map);
        if (!columnMap.Succeeded) { await errors.WriteLineAsync($"--map: {columnMap.Error}"); return ExitCodes.InputError; }
        var opened = CanonicalCsvReader.Open(input.FullName, CsvReadOptions.Default with { ColumnMap = columnMap.Map });
        if (!opened.Succeeded) { await errors.WriteLineAsync($"{input.Name}: {opened.Error}"); return ExitCodes.InputError; }
        var rows = new List<Mpi.Matching.Records.PatientRecord>();
        var lines = new List<int>();
        var unreadable = 0;
        foreach (var row in opened.Rows!)
        {
            if (row.Succeeded)
            {
                rows.Add(row.Record);
                lines.Add(row.LineNumber);
            }
            else
            {
                unreadable++;
                await errors.WriteLineAsync(row.Error);
            }
        }
        // Done, but with rows left out (read) or refused (sent): 3, as every verb (docs/cli.md).
        int Done(int failures) => failures == 0 && unreadable == 0 ? ExitCodes.Success : ExitCodes.SomeRowsRejected;

        if (measures.LagChanges > 0) return await LagAsync(rows, address, apiKey, measures.LagChanges, stdout, errors, cancellation);
        using var channel = ReplicaChannel.For(address);
        var client = new RegistrationService.RegistrationServiceClient(channel);
        var headers = BearerHeaders(apiKey);
        if (await UnusableAsync(client, headers, apiKey, cancellation) is { } refusal)
        {
            await errors.WriteLineAsync(refusal);
            return ExitCodes.InputError;
        }
        if (measures.BaselineCalls > 0)
        {
            var empty = await MatchLoad.EmptyRpcAsync(channel, concurrency, measures.BaselineCalls, measures.WarmUp, cancellation);
            await stdout.WriteLineAsync($"empty_rpc callers={concurrency} {empty.Summary()}");
        }
        if (measures.Mixed is { } duration)
        {
            if (rows.Count == 0) { await errors.WriteLineAsync($"{input.Name}: no records to send"); return ExitCodes.InputError; }
            if (measures.WarmUp > TimeSpan.Zero) await OverloadRun.RunAsync(client, headers, rows, concurrency, measures.WarmUp, errors, cancellation);
            var overload = await OverloadRun.RunAsync(client, headers, rows, concurrency, duration, errors, cancellation);
            await stdout.WriteLineAsync($"mixed callers={concurrency} seconds={duration.TotalSeconds:F0} {overload.Summary()}");
            return Done(overload.OtherFailures);
        }
        if (measures.ReadPersons || measures.Match)
        {
            // Queries: nothing stored (but the audit of reads), the file's records cycled through.
            if (rows.Count == 0) { await errors.WriteLineAsync($"{input.Name}: no records to send"); return ExitCodes.InputError; }
            var queries = measures.MatchCalls > 0 ? measures.MatchCalls : rows.Count;
            var (name, run) = measures.ReadPersons
                ? ("read_persons", await MatchLoad.ReadPersonsAsync(channel, headers, rows, concurrency, queries, measures.WarmUp, errors, cancellation))
                : ("match", await MatchLoad.MatchAsync(channel, headers, rows, concurrency, queries, measures.WarmUp, errors, cancellation));
            await stdout.WriteLineAsync($"{name} callers={concurrency} {run.Summary()}");
            return Done(run.Failures);
        }
        var results = new RegisterResponse?[rows.Count];
        RegisterRequest Request(int i) => new()
        {
            Key = new RecordKey { Registry = rows[i].Registry, LocalId = rows[i].LocalId }, Demographics = ContractMapping.ToDemographics(rows[i]),
            InvalidFieldPolicy = InvalidFieldPolicy.SetAside,
        };
        var shed = 0;
        await using var watch = measures.Watch ? await FeedWatch.StartAsync(channel, headers, cancellation) : null;
        var loop = stream
            ? await RegisterOverStreamsAsync(client, headers, lines, concurrency, Request, results, errors, cancellation)
            : await ClosedLoop.RunAsync(concurrency, rows.Count, async i =>
            {
                try
                {
                    // A shed call waits the service's RetryInfo and goes again, as an engine's would; its latency counts the wait.
                    results[i] = await ShedRetry.UntilAdmittedAsync(() => client.RegisterAsync(Request(i), headers, cancellationToken: cancellation).ResponseAsync,
                        () => Interlocked.Increment(ref shed), cancellation);
                    return true;
                }
                catch (RpcException e)
                {
                    await errors.WriteLineAsync(RefusedRowLine.Of(lines[i], e));
                    return false;
                }
            }, cancellation);

        if (watch is not null)
        {
            var caughtUp = await watch.StopAsync(TimeSpan.FromSeconds(30));
            await stdout.WriteLineAsync($"watch changes={watch.Changes} caught_up={(caughtUp ? "yes" : "no")}");
        }
        if (output is not null) WriteClusters(output, rows, results);
        var decisions = results.Where(r => r is not null).GroupBy(r => r!.Decision).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}={g.Count()}");
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"records={rows.Count} failed={loop.Failures} seconds={loop.Seconds:F1} per_second={loop.PerSecond:F0} " +
            $"p50_ms={loop.Percentile(0.50):F2} p99_ms={loop.Percentile(0.99):F2} shed_and_retried={shed} {string.Join(' ', decisions)}"));
        return Done(loop.Failures);
    }

    /// <summary>The key as a bearer token on every call, or no header without a key.</summary>
    private static Metadata BearerHeaders(string? apiKey)
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(apiKey)) headers.Add("authorization", $"Bearer {apiKey}");
        return headers;
    }

    /// <summary>
    /// One call before the load, so that a missing or wrong key, or no service, is said once instead of once per record: an empty
    /// Match is refused UNAUTHENTICATED before anything else is looked at; any other answer means the key was taken.
    /// </summary>
    private static async Task<string?> UnusableAsync(RegistrationService.RegistrationServiceClient client, Metadata headers, string? apiKey,
        CancellationToken cancellation)
    {
        try
        {
            await client.MatchAsync(new MatchRequest(), headers, cancellationToken: cancellation);
            return null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return string.IsNullOrEmpty(apiKey)
                ? "the service asks for an API key: pass --api-key or set MPI_API_KEY (serve prints a development key on its first start)"
                : $"the service refused the API key ({e.Status.Detail}): check --api-key or MPI_API_KEY";
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return $"no service answers at the address given ({e.Status.Detail}): start it, or check --address";
        }
        catch (RpcException)
        {
            return null; // taken: INVALID_ARGUMENT for the empty Match, or a key that may only register
        }
    }

    /// <summary><c>--lag</c>: writes on the first replica of <paramref name="address"/>, reads on the second.</summary>
    private static async Task<int> LagAsync(List<Mpi.Matching.Records.PatientRecord> rows, string address, string? apiKey, int changes,
        TextWriter stdout, TextWriter errors, CancellationToken cancellation)
    {
        var replicas = ReplicaChannel.Split(address);
        if (replicas.Count < 2)
        {
            await errors.WriteLineAsync("--lag needs two replicas in --address (the first is written to, the second read from)");
            return ExitCodes.InputError;
        }
        using var write = GrpcChannel.ForAddress(replicas[0]);
        using var read = GrpcChannel.ForAddress(replicas[1]);
        var headers = BearerHeaders(apiKey);
        var writer = new RegistrationService.RegistrationServiceClient(write);
        if (await UnusableAsync(writer, headers, apiKey, cancellation) is { } refusal)
        {
            await errors.WriteLineAsync(refusal);
            return ExitCodes.InputError;
        }
        var run = await ReplicaLag.MeasureAsync(writer, new RegistrationService.RegistrationServiceClient(read), headers, rows, changes, errors, cancellation);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"lag changes={run.Calls} not_seen={run.Failures} p50_ms={run.Percentile(0.50):F1} p99_ms={run.Percentile(0.99):F1} " +
            $"max_ms={(run.SortedLatenciesMs.Length == 0 ? 0 : run.SortedLatenciesMs[^1]):F1}"));
        return run.Failures == 0 ? ExitCodes.Success : ExitCodes.SomeRowsRejected;
    }

    private static async Task<int> OversizedAsync(string address, string? apiKey, int calls, int megabytes, CancellationToken cancellation)
    {
        // The client's own limit would stop the calls before they leave; the point is what the service does with them.
        using var channel = ReplicaChannel.For(address, new GrpcChannelOptions { MaxSendMessageSize = null });
        var headers = BearerHeaders(apiKey);
        Console.WriteLine(await OversizedProbe.RunAsync(new RegistrationService.RegistrationServiceClient(channel), headers, calls, megabytes, cancellation));
        return ExitCodes.Success;
    }

    /// <summary>
    /// One RegisterStream per caller: each sends the records it takes and reads the answers as they come; a record's
    /// latency runs from its send to its answer (with the whole file sent at once, that is mostly queueing).
    /// </summary>
    private static async Task<ClosedLoop.Result> RegisterOverStreamsAsync(RegistrationService.RegistrationServiceClient client, Metadata headers,
        IReadOnlyList<int> lines, int callers, Func<int, RegisterRequest> request, RegisterResponse?[] results, TextWriter errors, CancellationToken cancellation)
    {
        var count = lines.Count;
        var latencies = new double[count];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            using var call = client.RegisterStream(headers, cancellationToken: cancellation);
            var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<long, long>();
            var reader = Task.Run(async () =>
            {
                await foreach (var answer in call.ResponseStream.ReadAllAsync(cancellation))
                {
                    var index = (int)answer.RequestIndex;
                    latencies[index] = Stopwatch.GetElapsedTime(sentAt[index]).TotalMilliseconds;
                    if (answer.Result is not null) results[index] = answer.Result;
                    else
                    {
                        Interlocked.Increment(ref failures);
                        await errors.WriteLineAsync(RefusedRowLine.Of(lines[index], answer.Error));
                    }
                }
            }, cancellation);
            int s;
            while ((s = Interlocked.Increment(ref next)) < count)
            {
                sentAt[s] = Stopwatch.GetTimestamp();
                await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = s, Register = request(s) }, cancellation);
            }
            await call.RequestStream.CompleteAsync();
            await reader;
        }, cancellation)));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new ClosedLoop.Result(count, failures, seconds, latencies);
    }

    /// <summary>
    /// One row per record with the person it ends with: a person that a later registration merged into another
    /// (<c>merged_person_ids</c>) is followed to its survivor, so the file is what reading every record's person back
    /// would give (steward actions aside).
    /// </summary>
    private static void WriteClusters(FileInfo output, List<Mpi.Matching.Records.PatientRecord> rows, RegisterResponse?[] results)
    {
        var survivorOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in results)
            if (r is not null)
                foreach (var merged in r.MergedPersonIds) survivorOf[merged] = r.PersonId;
        string Final(string person)
        {
            for (var hops = 0; hops < survivorOf.Count && survivorOf.TryGetValue(person, out var survivor); hops++) person = survivor;
            return person;
        }
        using var csv = ClustersCsv.Create(output.FullName);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = results[i];
            ClustersCsv.WriteRow(csv, rows[i].Registry, rows[i].LocalId, r is null ? $"failed-{i}" : Final(r.PersonId),
                r is null ? "failed" : RegistrationDecisions.Wire(ContractMapping.FromContract(r.Decision)), r is null ? "" : ClustersCsv.Score(r.Probability));
        }
    }
}
