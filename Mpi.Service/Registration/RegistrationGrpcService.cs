using System.Diagnostics;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Matching.Normalization;
using Mpi.Service.Contracts;
using Mpi.Service.Matching;
using Mpi.Service.Observability;
using Mpi.Service.Security;

namespace Mpi.Service.Registration;

/// <summary>
/// mpi.v1.RegistrationService: maps messages to the registrar and matcher and back. Validation failures become
/// INVALID_ARGUMENT with field violations; nothing is stored for a rejected request.
/// </summary>
public sealed class RegistrationGrpcService(RecordRegistrar registrar, RecordMatcher matcher, RecordNormalizer normalizer,
    ProcessedMessages messages, ActiveModelHolder model, MpiMetrics metrics, ILogger<RegistrationGrpcService> log)
    : RegistrationService.RegistrationServiceBase
{
    public override Task<RegisterResponse> Register(RegisterRequest request, ServerCallContext context) => RegisterOneAsync(request, context);

    /// <summary>
    /// Bulk loads: each item handled as Register would, answered in order with its request_index; a failed item is
    /// answered with its error and the stream goes on.
    /// </summary>
    public override async Task RegisterStream(IAsyncStreamReader<RegisterStreamRequest> requestStream,
        IServerStreamWriter<RegisterStreamResponse> responseStream, ServerCallContext context)
    {
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var response = new RegisterStreamResponse { RequestIndex = item.RequestIndex };
            try
            {
                response.Result = await RegisterOneAsync(item.Register ?? new RegisterRequest(), context);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.AlreadyExists)
            {
                response.Error = ItemErrors.From(e);
            }
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    private async Task<RegisterResponse> RegisterOneAsync(RegisterRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var received = ContractMapping.ToPatientRecord(request.Key, request.Demographics);
        var normalized = normalizer.Normalize(received);
        var violations = RegisterRequestValidator.Violations(request.Key, request.Demographics, request.InvalidFieldPolicy, normalized.Receipts);
        if (request.MessageId.Length > ProcessedMessages.MaxMessageIdLength)
            violations = violations.Add(("message_id", $"longer than {ProcessedMessages.MaxMessageIdLength} characters"));
        if (violations.Length > 0)
        {
            RegistrationLog.Rejected(log, request.Key?.Registry ?? "", violations.Length);
            foreach (var field in violations.Select(v => v.Field).Distinct()) metrics.Rejected(request.Key?.Registry ?? "", $"invalid {field}");
            throw InvalidArgument.Of(violations);
        }
        if (AuthenticationInterceptor.CallerOf(context) is { } caller && !caller.MayWrite(normalized.Record.Registry))
        {
            metrics.Rejected(normalized.Record.Registry, "registry not allowed");
            throw PermissionDenied.Registry(caller.Name, normalized.Record.Registry);
        }
        var retried = !string.IsNullOrWhiteSpace(request.MessageId);
        if (retried)
        {
            var (earlier, reused) = await messages.FindAsync(request, context.CancellationToken);
            if (reused)
                throw Conflicts.Of(Google.Rpc.Code.AlreadyExists, "message_id was sent before with different content", "MESSAGE_ID_REUSED");
            if (earlier is not null) return earlier;
        }
        var outcome = await registrar.RegisterAsync(received, normalized, model.Current, CallerIdentity.Of(context), context.CancellationToken);
        RegistrationLog.Registered(log, normalized.Record.Registry, outcome.Decision);
        metrics.Registered(normalized.Record.Registry, outcome.Decision.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var response = new RegisterResponse
        {
            Decision = ContractMapping.ToContract(outcome.Decision), PersonId = outcome.PersonId, Probability = outcome.Probability,
            Explanation = ContractMapping.ToContract(outcome.Explanation), ReviewTaskId = outcome.ReviewTaskId?.ToString() ?? "",
            ModelVersion = outcome.ModelVersion, SourceRecordVersion = outcome.RecordVersion,
            Key = new RecordKey { Registry = normalized.Record.Registry, LocalId = normalized.Record.LocalId },
        };
        ContractMapping.AddReceipts(response.Receipts, outcome.Receipts);
        if (retried) await messages.RememberAsync(request, response, context.CancellationToken);
        return response;
    }

    public override async Task<MatchResponse> Match(MatchRequest request, ServerCallContext context)
    {
        var received = ContractMapping.ToPatientRecord(new RecordKey { Registry = "MATCH", LocalId = "query" }, request.Demographics);
        var normalized = normalizer.Normalize(received);
        var violations = RegisterRequestValidator.Violations(null, request.Demographics, request.InvalidFieldPolicy, normalized.Receipts, keyRequired: false);
        if (violations.Length > 0) throw InvalidArgument.Of(violations);
        var started = Stopwatch.GetTimestamp();
        var response = await matcher.MatchAsync(normalized, request.TopK, request.MinProbability, model.Current, context.CancellationToken);
        metrics.Matched(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }
}
