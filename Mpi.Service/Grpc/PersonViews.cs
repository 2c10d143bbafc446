using Google.Protobuf.WellKnownTypes;
using Mpi.Contracts.V1;

using Mpi.Service.Registration;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Persons;
using Mpi.Service.Persistence;

namespace Mpi.Service.Grpc;

/// <summary>A person snapshot as the contract's PersonView (GetPerson, review candidates).</summary>
public static class PersonViews
{
    public static PersonView From(PersonSnapshot s)
    {
        var view = new PersonView
        {
            PersonId = s.Person.Id,
            State = s.Person.MergedIntoId is not null ? PersonState.Merged : s.Person.RetiredAt is not null ? PersonState.Retired : PersonState.Active,
            MergedIntoPersonId = s.Person.MergedIntoId ?? "",
            Version = s.Person.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(s.Person.CreatedAt),
            Golden = ContractMapping.ToGolden(s.Golden),
        };
        foreach (var (record, receipts) in s.Records)
        {
            var recordView = new SourceRecordView
            {
                Key = new RecordKey { Registry = record.Registry, LocalId = record.LocalId },
                PersonId = record.PersonId,
                Demographics = ContractMapping.ToStoredDemographics(receipts),
                Version = record.Version,
                FirstRegisteredAt = Timestamp.FromDateTimeOffset(record.CreatedAt),
                UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
            };
            ContractMapping.AddReceipts(recordView.Receipts, receipts);
            if (record.DeactivatedAt is { } deactivated) (recordView.Deactivated, recordView.DeactivatedAt) = (true, Timestamp.FromDateTimeOffset(deactivated));
            if (record.SourceEventAt is { } eventAt) recordView.SourceEventTime = Timestamp.FromDateTimeOffset(eventAt);
            foreach (var stale in s.StaleUpdates.Where(u => u.SourceRecordId == record.Id))
                recordView.StaleUpdates.Add(new StaleUpdate
                {
                    Demographics = ContractMapping.ToDemographics(StoredStaleUpdates.Read(stale.Demographics)),
                    SourceEventTime = Timestamp.FromDateTimeOffset(stale.SourceEventAt), HeldSourceEventTime = Timestamp.FromDateTimeOffset(stale.HeldSourceEventAt),
                    ReceivedAt = Timestamp.FromDateTimeOffset(stale.ReceivedAt), Sender = stale.Sender, MessageId = stale.MessageId ?? "",
                });
            var link = s.History.LastOrDefault(h => h.Record.Id == record.Id && h.Event.Kind.MovesRecord()).Event;
            if (link is not null)
            {
                recordView.LinkKind = Kind(link.Kind);
                recordView.LinkedAt = Timestamp.FromDateTimeOffset(link.At);
            }
            view.Records.Add(recordView);
        }
        foreach (var (e, record) in s.History)
        {
            var entry = new LinkHistoryEntry
            {
                EventId = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Record = new RecordKey { Registry = record.Registry, LocalId = record.LocalId },
                FromPersonId = e.FromPersonId ?? "", ToPersonId = e.ToPersonId, Kind = Kind(e.Kind), Probability = e.Probability ?? 0,
                ModelVersion = e.ModelVersion ?? "", Actor = e.Actor, At = Timestamp.FromDateTimeOffset(e.At), Reason = e.Reason ?? "",
                Rule = e.Rule ?? "", ReviewTaskId = e.ReviewTaskId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            if (Matching.StoredEvidence.EvidenceOf(e.Evidence) is { } evidence)
            {
                entry.Evidence = ContractMapping.ToContract(evidence.Explanation);
                entry.EvidenceRecordVersion = evidence.RecordVersion;
                entry.ComparedRecordVersion = evidence.ComparedRecordVersion;
                if (s.Scope.Sees(evidence.ComparedRegistry))
                    entry.ComparedRecord = new RecordKey { Registry = evidence.ComparedRegistry, LocalId = evidence.ComparedLocalId };
            }
            view.History.Add(entry);
        }
        view.UpdatedAt = view.History.Count > 0 ? view.History[^1].At : view.CreatedAt;
        view.OpenReviewTaskIds.Add(s.OpenReviewTaskIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return view;
    }

    internal static LinkEventKind Kind(LinkKind kind) => kind switch
    {
        LinkKind.New => LinkEventKind.New,
        LinkKind.Updated => LinkEventKind.Updated,
        LinkKind.RuleLink => LinkEventKind.RuleLink,
        LinkKind.AutoLink => LinkEventKind.AutoLink,
        LinkKind.ReviewerLink => LinkEventKind.ReviewerLink,
        LinkKind.StewardLink => LinkEventKind.StewardLink,
        LinkKind.StewardMerge => LinkEventKind.StewardMerge,
        LinkKind.AutoMerge => LinkEventKind.AutoMerge,
        LinkKind.Unlink => LinkEventKind.Unlink,
        LinkKind.Unmerge => LinkEventKind.Unmerge,
        LinkKind.Deactivated => LinkEventKind.Deactivated,
        LinkKind.Reactivated => LinkEventKind.Reactivated,
        _ => LinkEventKind.Unspecified,
    };
}
