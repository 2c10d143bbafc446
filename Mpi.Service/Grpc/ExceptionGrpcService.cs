using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.ExceptionQueue;
using RegistrationException = Mpi.Service.ExceptionQueue.RegistrationException;

namespace Mpi.Service.Grpc;

/// <summary>mpi.v1.ExceptionService: the exception queue listed and resolved over gRPC; maps onto <see cref="RegistrationExceptions"/>.</summary>
[BindServiceMethod(typeof(ExceptionGrpcService), nameof(BindService))]
public sealed class ExceptionGrpcService(RegistrationExceptions exceptions) : ExceptionService.ExceptionServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, ExceptionService.ExceptionServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, ExceptionService.BindService);

    public override async Task<ListExceptionsResponse> ListExceptions(ListExceptionsRequest request, ServerCallContext context)
    {
        if (request.PageSize is < 0 or > RegistrationExceptions.MaxPageSize)
            throw InvalidArgument.Of([("page_size", $"out of range: 1 to {RegistrationExceptions.MaxPageSize}, or 0 for {RegistrationExceptions.DefaultPageSize}")]);
        long after = 0;
        if (request.PageToken.Length > 0 && !long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            throw InvalidArgument.Of([("page_token", "invalid page token")]);
        Persistence.Entities.ExceptionState? state = request.State switch
        {
            Contracts.V1.ExceptionState.Resolved => Persistence.Entities.ExceptionState.Resolved,
            Contracts.V1.ExceptionState.Any => null,
            _ => Persistence.Entities.ExceptionState.Open,
        };
        // The contract's empty registry means every registry the key may see.
        var query = new ExceptionQuery(request.Registry.Trim() is { Length: > 0 } registry ? registry : null, state, after,
            request.PageSize == 0 ? RegistrationExceptions.DefaultPageSize : request.PageSize);
        var page = RefusalStatus.ValueOr(await exceptions.ListAsync(query, CallerIdentity.Scope(context), CallerIdentity.Of(context), context.CancellationToken),
            context);
        var response = new ListExceptionsResponse { NextPageToken = page.NextAfterId?.ToString(CultureInfo.InvariantCulture) ?? "" };
        response.Exceptions.AddRange(page.Items.Select(Of));
        return response;
    }

    public override async Task<ResolveExceptionResponse> ResolveException(ResolveExceptionRequest request, ServerCallContext context)
    {
        if (!long.TryParse(request.Id.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            throw InvalidArgument.Of([("id", "not an exception id")]);
        var resolved = await exceptions.ResolveAsync(id, request.Note, CallerIdentity.Of(context), CallerIdentity.Scope(context), CallerIdentity.Of(context),
            context.CancellationToken);
        return new ResolveExceptionResponse { Exception = Of(RefusalStatus.ValueOr(resolved, context)) };
    }

    private static Contracts.V1.RegistrationException Of(RegistrationException e)
    {
        var message = new Contracts.V1.RegistrationException
        {
            Id = e.Id.ToString(CultureInfo.InvariantCulture), Key = new RecordKey { Registry = e.KeyRegistry, LocalId = e.KeyLocalId }, Registry = e.Registry,
            MessageId = e.MessageId ?? "", Sender = e.Sender, ReceivedAt = Timestamp.FromDateTimeOffset(e.ReceivedAt),
            State = e.State == Persistence.Entities.ExceptionState.Open ? Contracts.V1.ExceptionState.Open : Contracts.V1.ExceptionState.Resolved,
            Resolution = e.Resolution switch
            {
                Persistence.Entities.ExceptionResolution.Resent => Contracts.V1.ExceptionResolution.Resent,
                Persistence.Entities.ExceptionResolution.ByHand => Contracts.V1.ExceptionResolution.ByHand,
                _ => Contracts.V1.ExceptionResolution.Unspecified,
            },
            ResolvedBy = e.ResolvedBy ?? "", ResolvedAt = e.ResolvedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, Note = e.Note ?? "",
        };
        message.Violations.AddRange(e.Violations.Select(v => new FieldViolation { Field = v.Field, Description = v.Reason }));
        ContractMapping.AddReceipts(message.Receipts, e.Receipts);
        return message;
    }
}
