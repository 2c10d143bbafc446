using Mpi.ReviewUi.Desks;
using Mpi.Service.ExceptionQueue;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Security;

namespace Mpi.Service.Desks;

/// <summary>The stewards' exception page over <see cref="RegistrationExceptions"/>: stewards see every registry.</summary>
public sealed class ExceptionDesk(RegistrationExceptions exceptions) : IExceptionDesk
{
    public Task<IReadOnlyList<ExceptionRegistry>> OpenByRegistryAsync(CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<ExceptionRegistry>>([.. exceptions.OpenByRegistry().Select(o => new ExceptionRegistry(o.Registry, o.Count, o.Oldest))]);

    public async Task<IReadOnlyList<ExceptionRow>> ListAsync(string registry, bool resolved, CancellationToken cancellation)
    {
        var query = new ExceptionQuery(registry, resolved ? ExceptionState.Resolved : ExceptionState.Open, 0, RegistrationExceptions.MaxPageSize);
        var page = (await exceptions.ListAsync(query, RegistryScope.Everything, "", cancellation)).Value!;
        return [.. page.Items.Select(Row)];
    }

    public async Task<DeskResult> ResolveAsync(long id, string note, string actor, CancellationToken cancellation)
    {
        var resolved = await exceptions.ResolveAsync(id, note, actor, RegistryScope.Everything, actor, cancellation);
        return resolved.Refusal is { } refusal
            ? new DeskResult(refusal.Kind switch
            {
                RefusalKind.NotFound => DeskProblem.NotFound,
                RefusalKind.WrongState => DeskProblem.AlreadyResolved,
                _ => DeskProblem.Invalid,
            }, refusal.Message)
            : DeskResult.Done;
    }

    private static ExceptionRow Row(RegistrationException e) => new(e.Id, e.KeyRegistry, e.KeyLocalId, e.MessageId, e.Sender, e.ReceivedAt, e.Violations,
        e.Receipts,
        e.State == ExceptionState.Open ? ExceptionRowState.Open : e.Resolution == ExceptionResolution.Resent ? ExceptionRowState.Resent : ExceptionRowState.ResolvedByHand,
        e.ResolvedBy, e.ResolvedAt, e.Note);
}
