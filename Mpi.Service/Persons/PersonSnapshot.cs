using Mpi.Matching.Normalization;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persons;

/// <summary>Everything a person page or GetPerson shows: the person, its records with receipts, its history, open tasks.</summary>
public sealed record PersonSnapshot(
    PersonEntity Person,
    IReadOnlyDictionary<string, string> Golden,
    IReadOnlyList<(SourceRecordEntity Record, IReadOnlyList<FieldReceipt> Receipts)> Records,
    IReadOnlyList<(LinkEventEntity Event, SourceRecordEntity Record)> History,
    IReadOnlyList<long> OpenReviewTaskIds);
