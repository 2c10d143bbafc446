using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Persons;

namespace Mpi.Service.Grpc;

/// <summary>The core's "not the same person" marks as the contract's <see cref="DifferentPersonMark"/>.</summary>
public static class DifferentPersonMarkViews
{
    public static DifferentPersonMark From(MarkedDifferentPerson mark) => new()
    {
        MarkId = mark.MarkId.ToString(CultureInfo.InvariantCulture), Record = new RecordKey { Registry = mark.Registry, LocalId = mark.LocalId },
        RecordPersonId = mark.RecordPersonId, PersonId = mark.PersonId, HeldAgainstPersonId = mark.HeldAgainstPersonId,
        Origin = mark.Origin switch
        {
            MarkOrigin.ReviewAnswer => DifferentPersonMarkOrigin.ReviewAnswer,
            MarkOrigin.Unlink => DifferentPersonMarkOrigin.Unlink,
            _ => DifferentPersonMarkOrigin.Steward,
        },
        ReviewTaskId = mark.ReviewTaskId?.ToString(CultureInfo.InvariantCulture) ?? "", OperationId = mark.OperationId ?? "",
        MarkedBy = mark.MarkedBy, MarkedAt = Timestamp.FromDateTimeOffset(mark.MarkedAt), Reason = mark.Reason ?? "",
        Removed = mark.RemovedAt is not null, RemovedBy = mark.RemovedBy ?? "",
        RemovedAt = mark.RemovedAt is { } removed ? Timestamp.FromDateTimeOffset(removed) : null, RemovalReason = mark.RemovalReason ?? "",
    };
}
