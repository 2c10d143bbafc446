using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Matching.Normalization;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Review;

namespace Mpi.Service.Grpc;

/// <summary>mpi.v1.ReviewService: the review queue over gRPC. Conflicts become ABORTED / FAILED_PRECONDITION with ErrorInfo.</summary>
[BindServiceMethod(typeof(ReviewGrpcService), nameof(BindService))]
public sealed class ReviewGrpcService(ReviewQueue queue, ReviewCandidates candidates, MpiDbContext db, RecordNormalizer normalizer,
    ActiveModelHolder model) : ReviewService.ReviewServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, ReviewService.ReviewServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, ReviewService.BindService);

    public override async Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context)
    {
        long after = 0;
        if (request.PageToken.Length > 0 && !long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            throw InvalidArgument.Of([("page_token", "invalid page token")]);
        TaskState[] states = request.States.Count == 0 ? [TaskState.Open, TaskState.Claimed] : [.. request.States.Select(State)];
        var filter = new ReviewFilter(states, ContractMapping.Optional(request.Registry),
            request.MinProbability > 0 ? request.MinProbability : null, request.MaxProbability > 0 ? request.MaxProbability : null,
            request.OlderThan?.ToDateTimeOffset(), ContractMapping.Optional(request.ClaimedBy), request.PageSize, after)
        {
            WithinRegistries = CallerIdentity.Scope(context).Registries,
        };
        var (tasks, total, next) = await queue.ListAsync(filter, context.CancellationToken);
        var recordIds = tasks.Select(t => t.SourceRecordId).ToArray();
        var keys = await db.SourceRecords.Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, context.CancellationToken);
        var response = new ListTasksResponse { TotalSize = total, NextPageToken = next?.ToString(CultureInfo.InvariantCulture) ?? "" };
        response.Tasks.Add(tasks.Select(t => new ReviewTaskSummary
        {
            TaskId = Id(t), State = State(t.State), Cause = ReviewCause.ReviewBand,
            Incoming = new RecordKey { Registry = keys[t.SourceRecordId].Registry, LocalId = keys[t.SourceRecordId].LocalId },
            BestProbability = t.Probability, CandidateCount = t.CandidatePersonIds.Count,
            ClaimedBy = t.ClaimedBy ?? "", CreatedAt = Timestamp.FromDateTimeOffset(t.CreatedAt), Version = t.Version,
        }));
        return response;
    }

    public override async Task<ReviewTask> GetTask(GetTaskRequest request, ServerCallContext context)
    {
        var task = await queue.FindAsync(TaskId(request.TaskId), context.CancellationToken)
            ?? throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, "no such review task"));
        await RequireInScopeAsync(task.Id, context);
        return await ToViewAsync(task, context, request.Reason);
    }

    public override async Task<ReviewTask> ClaimTask(ClaimTaskRequest request, ServerCallContext context)
    {
        await RequireInScopeAsync(TaskId(request.TaskId), context);
        var (task, error) = await queue.ClaimAsync(TaskId(request.TaskId), request.ExpectedVersion, CallerIdentity.Of(context), context.CancellationToken);
        return await ToViewAsync(task ?? throw ToRpc(error!), context, "claim");
    }

    public override async Task<ReviewTask> ReleaseTask(ReleaseTaskRequest request, ServerCallContext context)
    {
        await RequireInScopeAsync(TaskId(request.TaskId), context);
        var (task, error) = await queue.ReleaseAsync(TaskId(request.TaskId), request.ExpectedVersion, CallerIdentity.Of(context), context.CancellationToken);
        return await ToViewAsync(task ?? throw ToRpc(error!), context, "release");
    }

    public override async Task<ResolveTaskResponse> ResolveTask(ResolveTaskRequest request, ServerCallContext context)
    {
        var resolution = request.Resolution switch
        {
            Resolution.SamePerson => ReviewResolutionKind.SamePerson,
            Resolution.DifferentPerson => ReviewResolutionKind.DifferentPerson,
            Resolution.MergePersons => ReviewResolutionKind.MergePersons,
            _ => throw InvalidArgument.Of([("resolution", "required: same_person, different_person or merge_persons")]),
        };
        var actor = CallerIdentity.Of(context);
        await RequireInScopeAsync(TaskId(request.TaskId), context);
        var (task, error) = await queue.ResolveAsync(TaskId(request.TaskId), request.ExpectedVersion, resolution,
            ContractMapping.Optional(request.PersonId), [.. request.MergedPersonIds.Select(m => m.Trim())], ContractMapping.Optional(request.Reason), actor, context.CancellationToken);
        if (task is null) throw ToRpc(error!);
        return new ResolveTaskResponse { Task = await ToViewAsync(task, context, "resolve") };
    }

    /// <summary>
    /// A scoped key works only the tasks whose incoming record is of its registries (PERMISSION_DENIED otherwise,
    /// before anything is read or changed). A task's record never changes registry, so the check cannot go stale.
    /// </summary>
    private async Task RequireInScopeAsync(long taskId, ServerCallContext context)
    {
        var scope = CallerIdentity.Scope(context);
        if (scope.IsEverything) return;
        var registry = await db.ReviewTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Join(db.SourceRecords, t => t.SourceRecordId, r => r.Id, (t, r) => r.Registry).SingleOrDefaultAsync(context.CancellationToken);
        if (registry is not null && !scope.Sees(registry)) throw PermissionDenied.Registry(CallerIdentity.Of(context), registry);
    }

    private async Task<ReviewTask> ToViewAsync(ReviewTaskEntity task, ServerCallContext context, string? reason)
    {
        var (actor, scope, cancellation) = (CallerIdentity.Of(context), CallerIdentity.Scope(context), context.CancellationToken);
        var incoming = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == task.SourceRecordId, cancellation);
        var normalized = normalizer.Normalize(incoming.ToPatientRecord());
        var view = new ReviewTask
        {
            TaskId = Id(task), State = State(task.State), Cause = ReviewCause.ReviewBand, ClaimedBy = task.ClaimedBy ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(task.CreatedAt), Version = task.Version, ModelVersion = task.ModelVersion,
            Incoming = new SourceRecordView
            {
                Key = new RecordKey { Registry = incoming.Registry, LocalId = incoming.LocalId }, PersonId = incoming.PersonId,
                Demographics = ContractMapping.ToStoredDemographics(normalized.Receipts), Version = incoming.Version,
            },
        };
        ContractMapping.AddReceipts(view.Incoming.Receipts, normalized.Receipts);
        if (task.Resolution is not null)
            view.Resolution = new ReviewResolution
            {
                Resolution = task.Resolution switch
                {
                    ReviewResolutionKind.SamePerson => Resolution.SamePerson,
                    ReviewResolutionKind.MergePersons => Resolution.MergePersons,
                    _ => Resolution.DifferentPerson,
                },
                PersonId = task.ResolvedPersonId ?? "", Reason = task.ResolutionReason ?? "", ResolvedBy = task.ClaimedBy ?? "",
            };
        foreach (var candidate in await candidates.ReadAsync(task, normalized.Record, model.Current, actor, reason ?? "review task", cancellation))
        {
            view.Candidates.Add(new ReviewCandidate
            {
                // Another registry's records of a candidate are not the scoped key's to read (docs/decisions.md, visibility).
                Person = PersonViews.From(candidate.Person.Within(scope)),
                Probability = candidate.Probability,
                Explanation = candidate.Explanation is null ? null : ContractMapping.ToContract(candidate.Explanation),
                MatchedRecord = candidate.Best is null || !scope.Sees(candidate.Best.Record.Registry) ? null : new RecordKey { Registry = candidate.Best.Record.Registry, LocalId = candidate.Best.Record.LocalId },
                Learned = LearnedRescoreMapping.ToContract(candidate.Learned),
            });
        }
        return view;
    }

    private static RpcException ToRpc(ReviewError error) => error.Kind switch
    {
        ReviewErrorKind.NotFound => new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, error.Message)),
        ReviewErrorKind.StaleVersion => Conflicts.Of(Google.Rpc.Code.Aborted, error.Message, "STALE_VERSION",
            new Dictionary<string, string> { ["current_version"] = error.CurrentVersion?.ToString(CultureInfo.InvariantCulture) ?? "" }),
        ReviewErrorKind.TaskClaimed => Conflicts.Of(Google.Rpc.Code.Aborted, error.Message, "TASK_CLAIMED",
            new Dictionary<string, string> { ["claimed_by"] = error.ClaimedBy ?? "" }),
        ReviewErrorKind.TaskResolved => Conflicts.Of(Google.Rpc.Code.Aborted, error.Message, "TASK_RESOLVED"),
        ReviewErrorKind.CandidatesChanged => Conflicts.Of(Google.Rpc.Code.FailedPrecondition, error.Message, "CANDIDATES_CHANGED"),
        _ => InvalidArgument.Of([(error.Field, error.Message)]),
    };

    private static long TaskId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw InvalidArgument.Of([("task_id", "not a task id")]);

    private static string Id(ReviewTaskEntity task) => task.Id.ToString(CultureInfo.InvariantCulture);

    private static TaskState State(ReviewTaskState state) => state switch
    {
        ReviewTaskState.Claimed => TaskState.Claimed,
        ReviewTaskState.Resolved => TaskState.Resolved,
        _ => TaskState.Open,
    };

    private static ReviewTaskState State(TaskState state) => state switch
    {
        TaskState.Claimed => ReviewTaskState.Claimed,
        TaskState.Resolved => ReviewTaskState.Resolved,
        _ => ReviewTaskState.Open,
    };
}
