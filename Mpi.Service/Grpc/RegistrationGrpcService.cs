using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Microsoft.Extensions.Options;
using Mpi.Service.ExceptionQueue;
using Mpi.Service.Matching;
using Mpi.Service.Observability;
using Mpi.Service.Security;
using Mpi.Service.Registration;

namespace Mpi.Service.Grpc;

/// <summary>
/// mpi.v1.RegistrationService: maps messages to the registrar and matcher and back. Validation failures become
/// INVALID_ARGUMENT with field violations; no record, person or link is written for a rejected request, which is kept
/// in the exception queue instead (<see cref="RegistrationExceptions"/>).
/// </summary>
[BindServiceMethod(typeof(RegistrationGrpcService), nameof(BindService))]
public sealed class RegistrationGrpcService(RecordRegistrar registrar, RecordMatcher matcher, RecordDeactivation deactivation, RecordNormalizer normalizer,
    CredentialStore credentials,
    RegistrationBatcher batcher, RegisterAdmission admission, RegistrationExceptions exceptions,
    ProcessedMessages messages, ActiveModelHolder model, MpiMetrics metrics, TimeProvider time, ILogger<RegistrationGrpcService> log)
    : RegistrationService.RegistrationServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, RegistrationService.RegistrationServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, RegistrationService.BindService);

    /// <summary>
    /// The most stream items registered in one transaction. Items that arrived together share a commit (the
    /// throughput of bulk loads); the bound keeps one batch from holding the write lock long enough to stall unary
    /// Register calls.
    /// </summary>
    public const int MaxStreamBatch = 128;

    public override async Task<RegisterResponse> Register(RegisterRequest request, ServerCallContext context)
    {
        var prepared = await PrepareAsync(request, context);
        if (prepared.Replay is not null) return prepared.Replay;
        // Admission control: beyond a bounded queue for the single writer or the configured rate, refuse at once with
        // a retry hint rather than let every caller wait longer, or let registrations take the CPU Match needs.
        if (admission.Check() is { } refusal)
        {
            metrics.Refused(refusal.Reason);
            throw Conflicts.Busy(refusal.Message, RegisterAdmission.RetryAfter);
        }
        return AnswerOf(prepared, await batcher.RegisterAsync(prepared.Item!, model.Current, CallerIdentity.Of(context), context.CancellationToken));
    }

    /// <summary>
    /// Bulk loads: each item handled as Register would, answered in order with its request_index; a failed item is
    /// answered with its error and the stream goes on. Items already received when the previous batch finished are
    /// registered together, in order, in one transaction; each is answered once its batch has committed.
    /// </summary>
    public override async Task RegisterStream(IAsyncStreamReader<RegisterStreamRequest> requestStream,
        IServerStreamWriter<RegisterStreamResponse> responseStream, ServerCallContext context)
    {
        var cancellation = context.CancellationToken;
        var received = Channel.CreateBounded<StreamItem>(new BoundedChannelOptions(2 * MaxStreamBatch) { SingleReader = true, SingleWriter = true });
        var pump = Task.Run(async () =>
        {
            try
            {
                while (await NextAsync(requestStream, cancellation) is { } item) await received.Writer.WriteAsync(item, cancellation);
                received.Writer.Complete();
            }
            catch (Exception e)
            {
                received.Writer.Complete(e);
            }
        }, cancellation);

        var caller = AuthenticationInterceptor.CallerOf(context) ?? throw new InvalidOperationException("the call was not authenticated");
        var batch = new List<StreamItem>(MaxStreamBatch);
        while (await received.Reader.WaitToReadAsync(cancellation))
        {
            batch.Clear();
            while (batch.Count < MaxStreamBatch && received.Reader.TryRead(out var item)) batch.Add(item);
            // The key was checked when the stream opened; a stream can stay open for hours, so each batch asks again.
            if (!await credentials.IsStillValidAsync(caller, cancellation))
                throw new RpcException(new Status(StatusCode.Unauthenticated, "the API key was revoked: nothing after this point was registered"));
            foreach (var response in await RegisterBatchAsync(batch, context)) await responseStream.WriteAsync(response, cancellation);
        }
        await pump;
    }

    /// <summary>
    /// An item read from a RegisterStream: the request, or the refusal of one that could not be decoded (answered in
    /// its place with request_index -1, since its index could not be read either; the stream goes on).
    /// </summary>
    private sealed record StreamItem(RegisterStreamRequest? Request, RpcException? Undecodable);

    private static async Task<StreamItem?> NextAsync(IAsyncStreamReader<RegisterStreamRequest> requestStream, CancellationToken cancellation)
    {
        try
        {
            return await requestStream.MoveNext(cancellation) ? new StreamItem(requestStream.Current, null) : null;
        }
        catch (RpcException e) when (UndecodableAsInvalidArgument.IsUndecodable(e))
        {
            return new StreamItem(null, e);
        }
    }

    private async Task<RegisterStreamResponse[]> RegisterBatchAsync(List<StreamItem> batch, ServerCallContext context)
    {
        var responses = new RegisterStreamResponse[batch.Count];
        var pending = new List<(int Index, Prepared Prepared)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Request is not { } request)
            {
                var undecodable = batch[i].Undecodable!;
                if (AuthenticationInterceptor.CallerOf(context) is { } caller)
                    await exceptions.KeepAsync(UndecodableRegistrations.Of(caller,
                        undecodable.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.FirstOrDefault()?.Description ?? "undecodable"),
                        context.CancellationToken);
                responses[i] = new RegisterStreamResponse { RequestIndex = -1, Error = ItemErrors.From(undecodable) };
                continue;
            }
            responses[i] = new RegisterStreamResponse { RequestIndex = request.RequestIndex };
            try
            {
                var prepared = await PrepareAsync(request.Register ?? new RegisterRequest(), context);
                if (prepared.Replay is not null) responses[i].Result = prepared.Replay;
                else pending.Add((i, prepared));
            }
            catch (RpcException e) when (IsItemError(e))
            {
                responses[i].Error = ItemErrors.From(e);
            }
        }
        if (pending.Count == 0) return responses;

        var results = await registrar.RegisterBatchAsync([.. pending.Select(p => p.Prepared.Item!)], model.Current, CallerIdentity.Of(context),
            context.CancellationToken);
        for (var j = 0; j < pending.Count; j++)
        {
            var (index, prepared) = pending[j];
            try
            {
                responses[index].Result = AnswerOf(prepared, results[j]);
            }
            catch (RpcException e)
            {
                responses[index].Error = ItemErrors.From(e);
            }
        }
        return responses;
    }

    private static bool IsItemError(RpcException e) => e.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.AlreadyExists;

    /// <summary>
    /// What a registered item answers, the same for a Register call and a RegisterStream item (logged and counted the
    /// same way): its outcome; the earlier answer of a message id sent before (or MESSAGE_ID_REUSED, thrown); or,
    /// when it could not be stored, INTERNAL (thrown) with nothing of the record in it.
    /// </summary>
    private RegisterResponse AnswerOf(Prepared prepared, RegistrationResult result)
    {
        if (result.Outcome is { } outcome) return Complete(prepared, outcome);
        if (result.Earlier is { } earlier) return ProcessedMessages.Replay(earlier);
        var registry = prepared.Item!.Normalized.Record.Registry;
        RegistrationLog.Failed(log, registry, result.Error!);
        metrics.Rejected(registry, "internal error");
        throw new RpcException(new Status(StatusCode.Internal, "the record could not be stored"));
    }

    /// <summary>A request that passed validation and authorisation: the record to register, or the earlier answer to replay.</summary>
    private sealed record Prepared(RegisterRequest Request, RegistrationItem? Item, RegisterResponse? Replay, long Started);

    private async Task<Prepared> PrepareAsync(RegisterRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var received = ContractMapping.ToPatientRecord(request.Key, request.Demographics);
        var normalized = normalizer.Normalize(received);
        var violations = RegisterRequestValidator.Violations(request.Key, request.Demographics, request.InvalidFieldPolicy, normalized.Receipts);
        if (request.MessageId.Length > ProcessedMessages.MaxMessageIdLength)
            violations = violations.Add(("message_id", $"longer than {ProcessedMessages.MaxMessageIdLength} characters"));
        if (SourceEventTimes.Violation(request.SourceEventTime, "source_event_time", time) is { } eventViolation) violations = violations.Add(eventViolation);
        var caller = AuthenticationInterceptor.CallerOf(context);
        if (violations.Length > 0)
        {
            // A registry that is no registry code (an MRN sent in its place, a kilobyte of text) reaches neither the
            // log nor a metric label as sent: it is named "(invalid)".
            var registry = violations.Any(v => v.Field == "key.registry") ? "(invalid)" : request.Key?.Registry ?? "";
            RegistrationLog.Rejected(log, registry, violations.Length);
            foreach (var field in violations.Select(v => v.Field).Distinct()) metrics.Rejected(registry, $"invalid {field}");
            // Answered only once kept: the exception queue is the refused message's only trace.
            await exceptions.KeepAsync(Refused(request, normalized, violations, caller), context.CancellationToken);
            throw InvalidArgument.Of(violations);
        }
        if (caller is not null && !caller.MayWrite(normalized.Record.Registry))
        {
            metrics.Rejected(normalized.Record.Registry, "registry not allowed");
            throw PermissionDenied.Registry(caller.Name, normalized.Record.Registry);
        }
        // A fast path for retries (no wait for the write lock); the registrar's claim in its transaction decides.
        if (!string.IsNullOrWhiteSpace(request.MessageId) && await messages.FindAsync(request, context.CancellationToken) is { } earlier)
            return new Prepared(request, null, ProcessedMessages.Replay(earlier), started);
        var message = string.IsNullOrWhiteSpace(request.MessageId) ? null
            : ProcessedMessages.ToRemember(request, outcome => ResponseOf(normalized.Record, outcome));
        return new Prepared(request, new RegistrationItem(received, normalized, message) { SourceEventAt = request.SourceEventTime?.ToDateTimeOffset() },
            null, started);
    }

    /// <summary>
    /// A refused request as the exception queue keeps it: under the key's registry when that is valid and the sender
    /// holds it (so the registry's integration team sees it), else under none (seen by its sender and stewards).
    /// </summary>
    private static RefusedRegistration Refused(RegisterRequest request, NormalizationResult normalized,
        IReadOnlyCollection<(string Field, string Reason)> violations, CallerCredential? caller)
    {
        var record = normalized.Record;
        var registryValid = violations.All(v => v.Field != "key.registry");
        var registry = registryValid && (caller is null || caller.MayWrite(record.Registry)) ? record.Registry : "";
        var localId = violations.All(v => v.Field != "key.local_id") ? record.LocalId : request.Key?.LocalId ?? "";
        return new RefusedRegistration(registry, registryValid ? record.Registry : request.Key?.Registry ?? "", localId, request.MessageId, caller?.Name ?? "",
            [.. violations], normalized.Receipts);
    }

    private RegisterResponse Complete(Prepared prepared, RegistrationOutcome outcome)
    {
        var record = prepared.Item!.Normalized.Record;
        RegistrationLog.Registered(log, record.Registry, outcome.Decision);
        metrics.Registered(record.Registry, outcome.Decision.ToString(), Stopwatch.GetElapsedTime(prepared.Started).TotalMilliseconds);
        return ResponseOf(record, outcome);
    }

    /// <summary>The answer to a registration (also what a message id remembers, so a replay is the same bytes).</summary>
    private static RegisterResponse ResponseOf(NormalizedRecord record, RegistrationOutcome outcome)
    {
        var response = new RegisterResponse
        {
            Decision = ContractMapping.ToContract(outcome.Decision), PersonId = outcome.PersonId, Probability = outcome.Probability,
            Explanation = ContractMapping.ToContract(outcome.Explanation), ReviewTaskId = outcome.ReviewTaskId?.ToString() ?? "",
            ModelVersion = outcome.ModelVersion, SourceRecordVersion = outcome.RecordVersion,
            Key = new RecordKey { Registry = record.Registry, LocalId = record.LocalId },
            Learned = LearnedRescoreMapping.ToContract(outcome.Learned),
            MergedPersonIds = { outcome.MergedPersonIds }, MergeTaskId = outcome.MergeTaskId?.ToString() ?? "", Rule = outcome.Rule ?? "",
            Stale = outcome.Stale,
        };
        ContractMapping.AddReceipts(response.Receipts, outcome.Receipts);
        return response;
    }

    private static readonly Demographics EmptyDemographics = new();

    public override async Task<MatchResponse> Match(MatchRequest request, ServerCallContext context)
    {
        var received = ContractMapping.ToPatientRecord(new RecordKey { Registry = "MATCH", LocalId = "query" }, request.Demographics);
        var normalized = normalizer.Normalize(received);
        var violations = RegisterRequestValidator.Violations(null, request.Demographics, request.InvalidFieldPolicy, normalized.Receipts, keyRequired: false);
        var reason = request.Reason.Trim();
        if (reason.Length > RecordMatcher.MaxReasonLength) violations = violations.Add(("reason", $"longer than {RecordMatcher.MaxReasonLength} characters"));
        var held = request.Record is { } key ? (key.Registry.Trim(), key.LocalId.Trim()) : ((string, string)?)null;
        if (held is { } incomplete && (incomplete.Item1.Length == 0 || incomplete.Item2.Length == 0))
            violations = violations.Add(("record", "required: registry and local id"));
        if (request.Demographics is null || request.Demographics.Equals(EmptyDemographics)) violations = violations.Add(("demographics", "send at least one field"));
        // registration.proto's bounds, refused rather than clamped or read as 0 (NaN is in no range).
        if (request.TopK is < 0 or > RecordMatcher.MaxTopK) violations = violations.Add(("top_k", $"in [0, {RecordMatcher.MaxTopK}] (0: {RecordMatcher.DefaultTopK})"));
        if (request.MinProbability is not (>= 0 and <= 1)) violations = violations.Add(("min_probability", "in [0, 1]"));
        if (violations.Length > 0) throw InvalidArgument.Of(violations);
        // Whether a record of another registry has marks is not the key's to know.
        if (held is { } asked && !CallerIdentity.Scope(context).Sees(asked.Item1)) throw PermissionDenied.Registry(CallerIdentity.Of(context), asked.Item1);
        var started = Stopwatch.GetTimestamp();
        var active = model.Current;
        await matcher.ReadyAsync(active, context.CancellationToken);
        var response = MatchResponses.From(await matcher.MatchAsync(normalized, request.TopK, request.MinProbability, active, CallerIdentity.Scope(context),
            CallerIdentity.Of(context), reason.Length == 0 ? null : reason, context.CancellationToken, held));
        metrics.Matched(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    public override async Task<DeactivateResponse> Deactivate(DeactivateRequest request, ServerCallContext context)
    {
        var (registry, localId) = (request.Key?.Registry.Trim() ?? "", request.Key?.LocalId.Trim() ?? "");
        var violations = new List<(string, string)>();
        if (registry.Length == 0) violations.Add(("key.registry", "missing"));
        if (localId.Length == 0) violations.Add(("key.local_id", "missing"));
        if (request.Reason.Trim().Length > RequestReasons.MaxLength) violations.Add(("reason", $"longer than {RequestReasons.MaxLength} characters"));
        if (SourceEventTimes.Violation(request.SourceEventTime, "source_event_time", time) is { } eventViolation) violations.Add(eventViolation);
        if (violations.Count > 0) throw InvalidArgument.Of([.. violations]);
        if (AuthenticationInterceptor.CallerOf(context) is { } caller && !caller.MayWrite(registry)) throw PermissionDenied.Registry(caller.Name, registry);
        var done = RefusalStatus.ValueOr(await deactivation.DeactivateAsync(registry, localId, RequestReasons.Optional(request.Reason),
            request.SourceEventTime?.ToDateTimeOffset(), CallerIdentity.Of(context), context.CancellationToken), context);
        return new DeactivateResponse { PersonId = done.PersonId, SourceRecordVersion = done.Version, AlreadyDeactivated = done.AlreadyDeactivated };
    }
}
