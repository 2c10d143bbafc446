using System.Globalization;
using Grpc.Core;
using Mpi.Service.Outcomes;

namespace Mpi.Service.Grpc;

/// <summary>
/// The one place the core's refusals become gRPC statuses, with the google.rpc.ErrorInfo reasons common.proto lists
/// (the review UI has its own: Desks/DeskRefusals).
/// </summary>
public static class RefusalStatus
{
    /// <summary>The value, or the refusal thrown as the status the contract promises for it.</summary>
    public static T ValueOr<T>(Outcome<T> outcome, ServerCallContext context) where T : class =>
        outcome.Value ?? throw Of(outcome.Refusal!, context);

    public static RpcException Of(Refusal refusal, ServerCallContext context) => refusal.Kind switch
    {
        RefusalKind.NotFound => new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, refusal.Message)),
        RefusalKind.StaleVersion => Conflicts.Of(Google.Rpc.Code.Aborted, refusal.Message, "STALE_VERSION",
            refusal.CurrentVersion is { } current ? new Dictionary<string, string> { ["current_version"] = current.ToString(CultureInfo.InvariantCulture) } : null),
        RefusalKind.TaskClaimed => Conflicts.Of(Google.Rpc.Code.Aborted, refusal.Message, "TASK_CLAIMED",
            new Dictionary<string, string> { ["claimed_by"] = refusal.ClaimedBy ?? "" }),
        RefusalKind.TaskResolved => Conflicts.Of(Google.Rpc.Code.Aborted, refusal.Message, "TASK_RESOLVED"),
        RefusalKind.CandidatesChanged => Conflicts.Of(Google.Rpc.Code.FailedPrecondition, refusal.Message, "CANDIDATES_CHANGED"),
        RefusalKind.PersonNotActive => Conflicts.Of(Google.Rpc.Code.FailedPrecondition, refusal.Message, "PERSON_NOT_ACTIVE",
            new Dictionary<string, string> { ["person_id"] = refusal.PersonId ?? "" }),
        RefusalKind.WrongState => Conflicts.Of(Google.Rpc.Code.FailedPrecondition, refusal.Message, "WRONG_STATE"),
        RefusalKind.Expired => Conflicts.Of(Google.Rpc.Code.OutOfRange, refusal.Message, "CURSOR_EXPIRED",
            new Dictionary<string, string> { ["oldest_cursor"] = refusal.Oldest ?? "" }),
        RefusalKind.MarkedDifferentPerson => Conflicts.Of(Google.Rpc.Code.FailedPrecondition, refusal.Message, "MARKED_DIFFERENT_PERSON",
            new Dictionary<string, string> { ["mark_id"] = refusal.MarkId?.ToString(CultureInfo.InvariantCulture) ?? "" }),
        RefusalKind.NotAllowed when refusal.ClaimedBy is { } holder => PermissionDenied.NotClaimant(CallerIdentity.Of(context), holder),
        RefusalKind.NotAllowed when refusal.Registry is { } registry => PermissionDenied.Registry(CallerIdentity.Of(context), registry),
        RefusalKind.NotAllowed => PermissionDenied.OutOfScope(CallerIdentity.Of(context),
            $"change person {refusal.PersonId}: the change reaches records of registries the key is not granted", ("person_id", refusal.PersonId ?? "")),
        _ => InvalidArgument.Of([(refusal.Field ?? "request", refusal.Message)]),
    };
}
