using Mpi.ReviewUi.Desks;
using Mpi.Service.Persistence;
using Mpi.Service.Persons;

namespace Mpi.Service.Desks;

/// <summary>The review UI's person page over the audited person reader and the steward operations.</summary>
public sealed class PersonDesk(PersonReader reader, StewardOperations steward, MpiDbContext db) : IPersonDesk
{
    public async Task<PersonView?> ReadAsync(string personId, string actor, string reason, CancellationToken cancellation) =>
        await reader.ReadAsync(personId, null, actor, reason, cancellation) is { } snapshot ? PersonViewMapping.From(snapshot) : null;

    public async Task<DeskResult> UnlinkAsync(string registry, string localId, long expectedPersonVersion, string reason, string actor,
        CancellationToken cancellation) =>
        await ToResultAsync(await steward.UnlinkAsync((registry, localId), expectedPersonVersion, reason, actor, cancellation));

    public async Task<DeskResult> UnmergeAsync(string mergedPersonId, long expectedSurvivorVersion, string reason, string actor,
        CancellationToken cancellation) =>
        await ToResultAsync(await steward.UnmergeAsync(mergedPersonId, expectedSurvivorVersion, reason, actor, cancellation));

    private async Task<DeskResult> ToResultAsync(StewardResult result)
    {
        if (result.Error is null) return DeskResult.Done;
        RefusedChange.Forget(db);
        return ToResult(result);
    }

    private static DeskResult ToResult(StewardResult result) => result.Error switch
    {
        StewardErrorKind.NotFound => new DeskResult(DeskProblem.NotFound, result.Message),
        StewardErrorKind.StaleVersion => new DeskResult(DeskProblem.Stale, result.Message),
        _ => new DeskResult(DeskProblem.Invalid, result.Message),
    };
}
