using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Review;

namespace Mpi.Service.Grpc;

/// <summary>mpi.v1.ReviewService: the review queue over gRPC. Conflicts become ABORTED / FAILED_PRECONDITION with ErrorInfo.</summary>
[BindServiceMethod(typeof(ReviewGrpcService), nameof(BindService))]
public sealed class ReviewGrpcService(ReviewQueue queue, ReviewTaskReader tasks) : ReviewService.ReviewServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, ReviewService.ReviewServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, ReviewService.BindService);

    public override async Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context)
    {
        long after = 0;
        if (request.PageToken.Length > 0 && !long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            throw InvalidArgument.Of([("page_token", "invalid page token")]);
        var olderThan = ListFilterViolations.Check(request);
        TaskState[] states = request.States.Count == 0 ? [TaskState.Open, TaskState.Claimed] : [.. request.States.Select(State)];
        var scope = CallerIdentity.Scope(context);
        if (ContractMapping.Optional(request.Registry) is { } registry && !scope.Sees(registry))
            throw PermissionDenied.Registry(CallerIdentity.Of(context), registry);
        var filter = new ReviewFilter(states, ContractMapping.Optional(request.Registry),
            request.MinProbability > 0 ? request.MinProbability : null, request.MaxProbability > 0 ? request.MaxProbability : null,
            olderThan, ContractMapping.Optional(request.ClaimedBy), request.PageSize, after)
        {
            WithinRegistries = scope.Registries,
        };
        var page = await tasks.ListAsync(filter, context.CancellationToken);
        var response = new ListTasksResponse { TotalSize = page.Total, NextPageToken = page.NextAfterId?.ToString(CultureInfo.InvariantCulture) ?? "" };
        response.Tasks.Add(page.Tasks.Select(t => new Mpi.Contracts.V1.ReviewTaskSummary
        {
            TaskId = Id(t.Id), State = State(t.State), Cause = Cause(t.Cause), CauseText = t.CauseText,
            Incoming = new RecordKey { Registry = t.Registry, LocalId = t.LocalId },
            BestProbability = t.Probability, CandidateCount = t.CandidateCount,
            ClaimedBy = t.ClaimedBy ?? "", CreatedAt = Timestamp.FromDateTimeOffset(t.CreatedAt), Version = t.Version,
        }));
        return response;
    }

    public override async Task<ReviewTask> GetTask(GetTaskRequest request, ServerCallContext context)
    {
        var id = TaskId(request.TaskId);
        await RequireInScopeAsync(id, context);
        var task = await tasks.ReadAsync(id, CallerIdentity.Of(context), ContractMapping.Optional(request.Reason) ?? "review task", context.CancellationToken)
            ?? throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, "no such review task"));
        return ToView(task, context);
    }

    public override async Task<ReviewTask> ClaimTask(ClaimTaskRequest request, ServerCallContext context)
    {
        ExpectedVersion(request.ExpectedVersion);
        await RequireInScopeAsync(TaskId(request.TaskId), context);
        var claimed = await queue.ClaimAsync(TaskId(request.TaskId), request.ExpectedVersion, CallerIdentity.Of(context), context.CancellationToken);
        return await OpenAsync(RefusalStatus.ValueOr(claimed, context), context, "claim");
    }

    public override async Task<ReviewTask> ReleaseTask(ReleaseTaskRequest request, ServerCallContext context)
    {
        ExpectedVersion(request.ExpectedVersion);
        var reason = RequestReasons.Optional(request.Reason);
        await RequireInScopeAsync(TaskId(request.TaskId), context);
        // A steward-wide key is a steward's: it may give back a task someone else holds.
        var released = await queue.ReleaseAsync(TaskId(request.TaskId), request.ExpectedVersion, CallerIdentity.Of(context),
            CallerIdentity.Scope(context).IsEverything, reason, context.CancellationToken);
        return await OpenAsync(RefusalStatus.ValueOr(released, context), context, "release");
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
        ExpectedVersion(request.ExpectedVersion);
        var reason = RequestReasons.Required(request.Reason);
        await RequireInScopeAsync(TaskId(request.TaskId), context);
        var resolved = await queue.ResolveAsync(TaskId(request.TaskId), request.ExpectedVersion, resolution,
            ContractMapping.Optional(request.PersonId), [.. request.MergedPersonIds.Select(m => m.Trim())], reason, actor, CallerIdentity.Scope(context),
            context.CancellationToken);
        return new ResolveTaskResponse { Task = await OpenAsync(RefusalStatus.ValueOr(resolved, context), context, "resolve") };
    }

    /// <summary>
    /// A scoped key works only the tasks whose incoming record is of its registries (PERMISSION_DENIED otherwise,
    /// before anything is read or changed). A task's record never changes registry, so the check cannot go stale.
    /// </summary>
    private async Task RequireInScopeAsync(long taskId, ServerCallContext context)
    {
        var scope = CallerIdentity.Scope(context);
        if (scope.IsEverything) return;
        var registry = await tasks.RegistryOfAsync(taskId, context.CancellationToken);
        if (registry is not null && !scope.Sees(registry)) throw PermissionDenied.Registry(CallerIdentity.Of(context), registry);
    }

    /// <summary>Every change names the version the reviewer read (review.proto: INVALID_ARGUMENT when it is not set).</summary>
    /// <summary>The contract's cause; a task opened before causes were kept went to review by its band.</summary>
    private static ReviewCause Cause(TaskCause? cause) => cause?.Kind switch
    {
        ReviewCauseKind.Guard => ReviewCause.Guard,
        ReviewCauseKind.Ambiguous => ReviewCause.Ambiguous,
        ReviewCauseKind.MergeQuestion => ReviewCause.MergeQuestion,
        ReviewCauseKind.QualityCheck => ReviewCause.QualityCheck,
        _ => ReviewCause.ReviewBand,
    };

    private static void ExpectedVersion(long expected)
    {
        if (expected <= 0) throw InvalidArgument.Of([("expected_version", "missing")]);
    }

    private async Task<ReviewTask> OpenAsync(ReviewTaskEntity changed, ServerCallContext context, string reason) =>
        ToView(await tasks.OpenAsync(changed, CallerIdentity.Of(context), reason, context.CancellationToken), context);

    private static ReviewTask ToView(ReviewTaskView task, ServerCallContext context)
    {
        var scope = CallerIdentity.Scope(context);
        var summary = task.Summary;
        var view = new ReviewTask
        {
            TaskId = Id(summary.Id), State = State(summary.State), Cause = Cause(summary.Cause), CauseText = summary.CauseText, ClaimedBy = summary.ClaimedBy ?? "",
            ClaimedAt = summary.ClaimedAt is { } claimedAt ? Timestamp.FromDateTimeOffset(claimedAt) : null,
            CreatedAt = Timestamp.FromDateTimeOffset(summary.CreatedAt), Version = summary.Version, ModelVersion = task.ModelVersion,
            Incoming = new SourceRecordView
            {
                Key = new RecordKey { Registry = task.Incoming.Registry, LocalId = task.Incoming.LocalId }, PersonId = task.Incoming.PersonId,
                Demographics = ContractMapping.ToStoredDemographics(task.IncomingReceipts), Version = task.Incoming.Version,
            },
        };
        ContractMapping.AddReceipts(view.Incoming.Receipts, task.IncomingReceipts);
        if (task.Resolution is { } resolution)
            view.Resolution = new ReviewResolution
            {
                Resolution = resolution switch
                {
                    ReviewResolutionKind.SamePerson => Resolution.SamePerson,
                    ReviewResolutionKind.MergePersons => Resolution.MergePersons,
                    _ => Resolution.DifferentPerson,
                },
                PersonId = task.ResolvedPersonId ?? "", Reason = task.ResolutionReason ?? "", ResolvedBy = summary.ClaimedBy ?? "",
                ResolvedAt = summary.ResolvedAt is { } resolvedAt ? Timestamp.FromDateTimeOffset(resolvedAt) : null,
            };
        foreach (var candidate in task.Candidates)
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

    private static long TaskId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw InvalidArgument.Of([("task_id", "not a task id")]);

    private static string Id(long taskId) => taskId.ToString(CultureInfo.InvariantCulture);

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
