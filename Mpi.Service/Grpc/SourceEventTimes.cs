using Google.Protobuf.WellKnownTypes;

namespace Mpi.Service.Grpc;

/// <summary>
/// The contract's bound on a registry's event time: it may lag any amount (a backlog replayed), but a time more than a
/// day ahead of the service's clock is a sender's clock or field mapping gone wrong, and would make every later
/// update look stale.
/// </summary>
public static class SourceEventTimes
{
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>The field violation for <paramref name="sent"/>, or null when it is absent or acceptable.</summary>
    public static (string Field, string Reason)? Violation(Timestamp? sent, string field, TimeProvider time)
    {
        if (sent is null) return null;
        // The range protobuf's Timestamp allows (years 1 to 9999); ToDateTimeOffset throws outside it.
        if (sent.Seconds is < -62_135_596_800 or > 253_402_300_799 || sent.Nanos is < 0 or > 999_999_999)
            return (field, "invalid: not a valid timestamp");
        return sent.ToDateTimeOffset() > time.GetUtcNow() + MaxAhead ? (field, "more than a day in the future") : null;
    }
}
