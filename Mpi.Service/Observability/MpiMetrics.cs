using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Changes;
using Mpi.Service.ExceptionQueue;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Observability;

/// <summary>
/// The numbers an integration team watches after go-live, per registry: messages and decisions by kind, rejects by
/// reason, latency histograms, and the review queue's depth and the age of its oldest open task. Tags carry registry
/// codes, decisions and reasons only — never demographics or local ids.
/// </summary>
public sealed class MpiMetrics : IDisposable
{
    public const string MeterName = "Mpi.Service";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _registerDuration;
    private readonly Histogram<double> _matchDuration;
    private readonly Histogram<int> _candidates;
    private readonly Counter<long> _reviewRefusals;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _reviewAnswers;

    public MpiMetrics(IServiceScopeFactory scopes, TimeProvider time, ChangeFeed feed, FeedWatchers watchers, RegistrationExceptions exceptions)
    {
        _registrations = _meter.CreateCounter<long>("mpi.registrations", description: "Register messages handled, by registry and decision");
        _rejections = _meter.CreateCounter<long>("mpi.rejections", description: "Register messages refused, by registry and reason");
        _registerDuration = _meter.CreateHistogram<double>("mpi.register.duration", unit: "ms", description: "Time to handle one Register");
        _matchDuration = _meter.CreateHistogram<double>("mpi.match.duration", unit: "ms", description: "Time to answer one Match");
        _candidates = _meter.CreateHistogram<int>("mpi.candidates", unit: "{record}",
            description: "Stored records scored per Register or Match (the blocking keys' reach; grows with oversized blocks)");
        _reviewRefusals = _meter.CreateCounter<long>("mpi.review.refusals",
            description: "Review queue actions refused, by action and reason (another reviewer holds the task, a stale version, candidates changed)");
        _reviewAnswers = _meter.CreateCounter<long>("mpi.review.answers",
            description: "Review tasks answered, by reviewer and answer (same_person, different_person, merge_persons)");
        _refusals = _meter.CreateCounter<long>("mpi.refusals",
            description: "Calls refused before they were read: no valid key, too many open streams, the writer's queue full (counted, never stored)");
        _meter.CreateObservableGauge("mpi.review.open_tasks", () => ReviewQueue(scopes, time).Open, description: "Review tasks not yet resolved");
        _meter.CreateObservableGauge("mpi.review.oldest_open_age", () => ReviewQueue(scopes, time).OldestAgeSeconds, unit: "s",
            description: "Age of the oldest unresolved review task");
        _meter.CreateObservableGauge("mpi.exceptions.open", () => OpenExceptions(exceptions, time).Select(e => e.Count),
            description: "Refused registrations kept in the exception queue and not yet resolved, by registry (empty: kept under no registry)");
        _meter.CreateObservableGauge("mpi.exceptions.oldest_open_age", () => OpenExceptions(exceptions, time).Select(e => e.AgeSeconds), unit: "s",
            description: "Age of the oldest open exception, by registry");
        _meter.CreateObservableGauge("mpi.feed.lag", () => FeedLags(feed, watchers), unit: "{event}",
            description: "Link events committed and not yet sent to a connected Watch client, by client (the credential's name; the largest of its streams)");
    }

    public void Registered(string registry, string decision, double milliseconds)
    {
        _registrations.Add(1, new KeyValuePair<string, object?>("registry", registry), new KeyValuePair<string, object?>("decision", decision));
        _registerDuration.Record(milliseconds, new KeyValuePair<string, object?>("registry", registry));
    }

    public void Rejected(string registry, string reason) =>
        _rejections.Add(1, new KeyValuePair<string, object?>("registry", registry), new KeyValuePair<string, object?>("reason", reason));

    public void Matched(double milliseconds) => _matchDuration.Record(milliseconds);

    /// <summary>A call refused before its message was read or stored, by reason (a fixed word, never caller input).</summary>
    public void Refused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void CandidatesScored(int records) => _candidates.Record(records);

    /// <summary>A reviewer answered a task (labels: the reviewer's audit name and the answer's word; no patient data).</summary>
    public void ReviewAnswered(string reviewer, string answer) =>
        _reviewAnswers.Add(1, new KeyValuePair<string, object?>("reviewer", reviewer), new KeyValuePair<string, object?>("answer", answer));

    public void ReviewRefused(string action, string reason) =>
        _reviewRefusals.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("reason", reason));

    private static IEnumerable<Measurement<long>> FeedLags(ChangeFeed feed, FeedWatchers watchers)
    {
        if (!watchers.Any) return [];
        return watchers.Lags(feed.Head()).Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("client", l.Key)));
    }

    /// <summary>Read at scrape time, once per gauge: a grouped count over the open exceptions, which an integration team keeps few.</summary>
    private static IEnumerable<(Measurement<long> Count, Measurement<double> AgeSeconds)> OpenExceptions(RegistrationExceptions exceptions, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return exceptions.OpenByRegistry().Select(e =>
        {
            var registry = new KeyValuePair<string, object?>("registry", e.Registry);
            return (new Measurement<long>(e.Count, registry), new Measurement<double>((now - e.Oldest).TotalSeconds, registry));
        });
    }

    /// <summary>Read at scrape time: a count and a minimum over an indexed column.</summary>
    private static (long Open, double OldestAgeSeconds) ReviewQueue(IServiceScopeFactory scopes, TimeProvider time)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        var open = db.ReviewTasks.Where(t => t.State != TaskState.Resolved);
        var count = open.LongCount();
        var oldest = count == 0 ? (DateTimeOffset?)null : open.OrderBy(t => t.Id).Select(t => t.CreatedAt).First();
        return (count, oldest is { } at ? (time.GetUtcNow() - at).TotalSeconds : 0);
    }

    public void Dispose() => _meter.Dispose();
}
