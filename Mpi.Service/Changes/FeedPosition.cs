using System.Globalization;

namespace Mpi.Service.Changes;

/// <summary>
/// A place in the feed: after the link event <see cref="EventId"/>, and, for a merge's last event, after the
/// retirement of the merged person that follows it (<see cref="AfterRetirement"/>). Link event ids grow in commit
/// order (SQLite lets one writer in at a time and numbers rows as they are inserted), so a position is a point in
/// commit order. On the wire it is the opaque cursor <c>2·event + retirement</c> in decimal.
/// </summary>
public readonly record struct FeedPosition(long EventId, bool AfterRetirement) : IComparable<FeedPosition>
{
    /// <summary>Before every change.</summary>
    public static FeedPosition Start => new(0, false);

    private long Ordinal => EventId * 2 + (AfterRetirement ? 1 : 0);

    public int CompareTo(FeedPosition other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(FeedPosition a, FeedPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(FeedPosition a, FeedPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(FeedPosition a, FeedPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(FeedPosition a, FeedPosition b) => a.CompareTo(b) >= 0;

    /// <summary>The position just before <paramref name="eventId"/>'s change.</summary>
    public static FeedPosition Before(long eventId) => eventId <= 1 ? Start : new(eventId - 1, true);

    public string ToCursor() => Ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>The position of a cursor this service issued; null for anything else.</summary>
    public static FeedPosition? FromCursor(string cursor)
    {
        if (cursor.Length is 0 or > 19 || !cursor.All(char.IsAsciiDigit) || (cursor.Length > 1 && cursor[0] == '0')) return null;
        if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)) return null;
        return new FeedPosition(ordinal / 2, ordinal % 2 == 1);
    }
}
