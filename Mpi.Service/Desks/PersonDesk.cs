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
        DeskRefusals.Of((await steward.UnlinkAsync((registry, localId), expectedPersonVersion, reason, actor, cancellation)).Refusal, db);

    public async Task<DeskResult> UnmergeAsync(string mergedPersonId, long expectedSurvivorVersion, string reason, string actor,
        CancellationToken cancellation) =>
        DeskRefusals.Of((await steward.UnmergeAsync(mergedPersonId, expectedSurvivorVersion, reason, actor, cancellation)).Refusal, db);
}
