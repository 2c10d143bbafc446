using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// A person's rows as stored: the person, its records, the events that moved records onto or off it (each with its
/// record), its open tasks, and its records' stale updates (arrived after a newer version, never applied).
/// </summary>
public sealed record PersonRows(
    PersonEntity Person,
    IReadOnlyList<SourceRecordEntity> Records,
    IReadOnlyList<(LinkEventEntity Event, SourceRecordEntity Record)> History,
    IReadOnlyList<(long Id, string Registry)> OpenTasks,
    IReadOnlyList<StaleUpdateEntity> StaleUpdates);
