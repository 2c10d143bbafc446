using System.Globalization;

namespace Mpi.Service.Hl7v2;

/// <summary>HL7 v2 dates and times (DTM): <c>YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]</c>; no offset is read as UTC.</summary>
public static class Hl7Times
{
    public static DateTimeOffset? Parse(string text)
    {
        var zoneAt = text.IndexOfAny(['+', '-']);
        var offset = TimeSpan.Zero;
        if (zoneAt >= 0)
        {
            var zone = text[(zoneAt + 1)..];
            if (zone.Length != 4 || !int.TryParse(zone, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm % 100 >= 60 || hhmm / 100 > 14) return null;
            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (text[zoneAt] == '-' ? -1 : 1);
            text = text[..zoneAt];
        }
        var fraction = text.IndexOf('.');
        var whole = fraction >= 0 ? text[..fraction] : text;
        if (fraction >= 0 && (fraction != 14 || !text[(fraction + 1)..].All(char.IsAsciiDigit))) return null;
        string[] formats = ["yyyy", "yyyyMM", "yyyyMMdd", "yyyyMMddHH", "yyyyMMddHHmm", "yyyyMMddHHmmss"];
        if (!DateTime.TryParseExact(whole, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        // The first or last day of the calendar with an offset can name an instant outside it (00010101+1400).
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return null;
        return new DateTimeOffset(local, offset);
    }
}
