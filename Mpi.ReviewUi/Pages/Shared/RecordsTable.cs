using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Shared;

/// <summary>A person's source records for the records partial; <see cref="UnlinkVersion"/> set shows the steward's unlink.</summary>
public sealed record RecordsTable(string Id, IReadOnlyList<RecordView> Records, long? UnlinkVersion = null);
