using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Changes;
using Mpi.Service.Security;

namespace Mpi.Service.Grpc;

/// <summary>mpi.v1.IdentityChangeService: the identity-change feed, followed (Watch) or polled (ListChanges).</summary>
[BindServiceMethod(typeof(IdentityChangeGrpcService), nameof(BindService))]
public sealed class IdentityChangeGrpcService(ChangeFeed feed, CredentialStore credentials) : IdentityChangeService.IdentityChangeServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, IdentityChangeService.IdentityChangeServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, IdentityChangeService.BindService);

    public override async Task Watch(WatchChangesRequest request, IServerStreamWriter<WatchChangesResponse> responseStream, ServerCallContext context)
    {
        var from = RefusalStatus.ValueOr(feed.Validate(request.FromCursor.Trim(), Registries(request.Registries), CallerIdentity.Scope(context)), context);
        // The headers tell the consumer it is subscribed before the first change arrives.
        await context.WriteResponseHeadersAsync([]);
        var caller = AuthenticationInterceptor.CallerOf(context);
        await foreach (var page in feed.FollowAsync(from, CallerIdentity.Of(context), context.CancellationToken))
        {
            // A feed stays open for days: each page (a change, or the keep-alive every 15 s) asks again whether the key
            // holds, so that a revoked one receives nothing more, as a RegisterStream stores nothing more.
            if (caller is not null && !await credentials.IsStillValidAsync(caller, context.CancellationToken))
                throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unauthenticated, "the API key was revoked: nothing after this point is sent"));
            var message = new WatchChangesResponse { Cursor = page.Next.ToCursor() };
            message.Changes.AddRange(page.Changes.Select(Of));
            await responseStream.WriteAsync(message, context.CancellationToken);
        }
    }

    public override Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > ChangeFeed.MaxLimit)
            throw InvalidArgument.Of([("limit", $"out of range: 1 to {ChangeFeed.MaxLimit}, or 0 for {ChangeFeed.DefaultLimit}")]);
        var page = RefusalStatus.ValueOr(feed.List(request.FromCursor.Trim(), Registries(request.Registries), CallerIdentity.Scope(context),
            request.Limit == 0 ? ChangeFeed.DefaultLimit : request.Limit), context);
        var response = new ListChangesResponse { NextCursor = page.Next.ToCursor(), HeadCursor = page.Head.ToCursor() };
        response.Changes.AddRange(page.Changes.Select(Of));
        return Task.FromResult(response);
    }

    private static string[] Registries(IEnumerable<string> named) => [.. named.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)];

    private static Contracts.V1.IdentityChange Of(Changes.IdentityChange c)
    {
        var change = new Contracts.V1.IdentityChange
        {
            Cursor = c.Position.ToCursor(), OperationId = c.OperationId, PersonBefore = c.PersonBefore ?? "", PersonAfter = c.PersonAfter,
            Kind = c.Kind switch
            {
                ChangeKind.NewPerson => IdentityChangeKind.NewPerson,
                ChangeKind.Link => IdentityChangeKind.Link,
                ChangeKind.Unlink => IdentityChangeKind.Unlink,
                ChangeKind.Merge => IdentityChangeKind.Merge,
                ChangeKind.Unmerge => IdentityChangeKind.Unmerge,
                ChangeKind.PersonRetired => IdentityChangeKind.PersonRetired,
                ChangeKind.RecordUpdated => IdentityChangeKind.RecordUpdated,
                ChangeKind.RecordDeactivated => IdentityChangeKind.RecordDeactivated,
                ChangeKind.RecordReactivated => IdentityChangeKind.RecordReactivated,
                _ => IdentityChangeKind.Unspecified,
            },
            LinkKind = c.LinkKind is { } kind ? PersonViews.Kind(kind) : LinkEventKind.Unspecified,
            ActorKind = c.Actor switch
            {
                Changes.ActorKind.Engine => Contracts.V1.ActorKind.Engine,
                Changes.ActorKind.Reviewer => Contracts.V1.ActorKind.Reviewer,
                Changes.ActorKind.Steward => Contracts.V1.ActorKind.Steward,
                Changes.ActorKind.Source => Contracts.V1.ActorKind.Source,
                _ => Contracts.V1.ActorKind.Unspecified,
            },
            ModelVersion = c.ModelVersion ?? "", At = Timestamp.FromDateTimeOffset(c.At),
        };
        if (c.Registry is not null) change.Record = new RecordKey { Registry = c.Registry, LocalId = c.LocalId };
        return change;
    }
}
