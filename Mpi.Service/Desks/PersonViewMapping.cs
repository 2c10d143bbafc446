using Mpi.Matching.Normalization;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Persons;

namespace Mpi.Service.Desks;

/// <summary>A person snapshot and its records as the review UI's views.</summary>
public static class PersonViewMapping
{
    public static PersonView From(PersonSnapshot s) => new(
        s.Person.Id,
        s.Person.MergedIntoId is not null ? PersonState.Merged : s.Person.RetiredAt is not null ? PersonState.Retired : PersonState.Active,
        s.Person.MergedIntoId,
        s.Person.Version,
        s.Golden,
        [.. s.Records.Select(r => Record(r.Record, r.Receipts))],
        [.. s.History.Select(h => new HistoryEntry(h.Event.Id, h.Record.Registry, h.Record.LocalId, h.Event.FromPersonId, h.Event.ToPersonId,
            StoredWords.Of(h.Event.Kind), h.Event.Probability, h.Event.ModelVersion, h.Event.Actor, h.Event.At, h.Event.Reason, h.Event.Rule,
            h.Event.Kind.IsMerge(), h.Event.Kind == LinkKind.Unmerge))],
        s.OpenReviewTaskIds);

    public static RecordView Record(SourceRecordEntity record, IReadOnlyList<FieldReceipt> receipts) =>
        new(record.ToPatientRecord(), record.PersonId, record.UpdatedAt, receipts, record.DeactivatedAt);
}
