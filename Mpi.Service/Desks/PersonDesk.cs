using Microsoft.EntityFrameworkCore;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Persons;
using Mpi.Service.Security;

namespace Mpi.Service.Desks;

/// <summary>
/// The review UI's person page over the audited person reader, the steward operations and the marks: the same version
/// checks, history and feed entries as PersonService. The page shows the person it changes: its version is the one
/// the steward read; the other person of a link or merge is named by id, so its version is the one current at the click.
/// </summary>
public sealed class PersonDesk(PersonReader reader, StewardOperations steward, DifferentPersonMarkOperations marks, MpiDbContext db) : IPersonDesk
{
    public async Task<PersonView?> ReadAsync(string personId, string actor, string reason, IReadOnlyList<string>? withinRegistries,
        CancellationToken cancellation) =>
        (await reader.ReadAsync(personId, null, RegistryScope.Within(withinRegistries), actor, reason, cancellation)).Snapshot is { } snapshot
            ? PersonViewMapping.From(snapshot) : null;

    public async Task<DeskResult> UnlinkAsync(string registry, string localId, long expectedPersonVersion, string reason, string actor,
        CancellationToken cancellation) =>
        DeskRefusals.Of(StatedReasons.Check(reason, required: true)
            ?? (await steward.UnlinkAsync((registry, localId), expectedPersonVersion, reason.Trim(), actor, cancellation)).Refusal, db);

    public async Task<DeskResult> UnmergeAsync(string mergedPersonId, long expectedSurvivorVersion, string reason, string actor,
        CancellationToken cancellation) =>
        DeskRefusals.Of(StatedReasons.Check(reason, required: true)
            ?? (await steward.UnmergeAsync(mergedPersonId, expectedSurvivorVersion, reason.Trim(), actor, cancellation)).Refusal, db);

    public async Task<DeskResult> LinkAsync(string registry, string localId, long expectedFromVersion, string toPersonId, string reason, string actor,
        CancellationToken cancellation)
    {
        if (StatedReasons.Check(reason, required: true) is { } unstated) return DeskRefusals.Of(unstated, db);
        reason = reason.Trim();
        if (await VersionOfAsync(toPersonId, cancellation) is not { } toVersion) return DeskRefusals.Of(Refusal.NotFound("no such person"), db);
        return DeskRefusals.Of((await steward.LinkAsync((registry, localId), toPersonId, expectedFromVersion, toVersion, reason, actor, cancellation)).Refusal, db);
    }

    public async Task<DeskResult> MergeIntoAsync(string survivorPersonId, long expectedSurvivorVersion, string mergedPersonId, string reason, string actor,
        CancellationToken cancellation)
    {
        if (StatedReasons.Check(reason, required: true) is { } unstated) return DeskRefusals.Of(unstated, db);
        reason = reason.Trim();
        if (await VersionOfAsync(mergedPersonId, cancellation) is not { } mergedVersion) return DeskRefusals.Of(Refusal.NotFound("no such person"), db);
        return DeskRefusals.Of(
            (await steward.MergeAsync(survivorPersonId, mergedPersonId, expectedSurvivorVersion, mergedVersion, reason, actor, cancellation)).Refusal, db);
    }

    public async Task<IReadOnlyList<MarkRow>> MarksAsync(string personId, IReadOnlyList<string>? withinRegistries, CancellationToken cancellation) =>
        (await marks.ListAsync(personId, null, includeRemoved: false, RegistryScope.Within(withinRegistries), cancellation)).Value is { } listed
            ? [.. listed.Select(m => new MarkRow(m.MarkId, m.Registry, m.LocalId, m.RecordPersonId, m.HeldAgainstPersonId, Origin(m.Origin), m.MarkedBy,
                m.MarkedAt, m.Reason))]
            : [];

    public async Task<DeskResult> RemoveMarkAsync(long markId, string reason, string actor, CancellationToken cancellation) =>
        DeskRefusals.Of(StatedReasons.Check(reason, required: true)
            ?? (await marks.RemoveAsync(markId, reason.Trim(), actor, RegistryScope.Everything, cancellation)).Refusal, db);

    private Task<long?> VersionOfAsync(string personId, CancellationToken cancellation) =>
        db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => (long?)p.Version).SingleOrDefaultAsync(cancellation);

    private static string Origin(MarkOrigin origin) => origin switch
    {
        MarkOrigin.ReviewAnswer => "a reviewer's different-person answer",
        MarkOrigin.Unlink => "a steward's unlink",
        _ => "a steward",
    };
}
