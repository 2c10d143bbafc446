namespace Mpi.Service.Hl7v2;

/// <summary>
/// The fields the ADT face reads, checked for escape sequences it cannot resolve before anything is registered:
/// such a value is answered AE 102 at its field instead of being stored without the sequence (O\XZZ\Brien had been
/// stored as OBRIEN and acknowledged AA). Fields the face does not read may hold what they like.
/// </summary>
public static class UnreadableEscapes
{
    private static readonly (string Segment, int[] Fields)[] FieldsRead =
        [("MSH", [4, 10]), ("EVN", [6]), ("PID", PidMapping.FieldsRead), ("MRG", [1])];

    /// <summary>The first field read whose escapes cannot be resolved, as an ERR; null when there is none.</summary>
    public static Hl7Error? First(Er7Message message)
    {
        foreach (var (id, fields) in FieldsRead)
        {
            var occurrence = 0;
            foreach (var segment in message.All(id))
            {
                occurrence++;
                foreach (var field in fields)
                    if (segment.UnreadableEscape(field) is { } problem)
                        return new Hl7Error($"{id}^{occurrence}^{field}", 102, $"{id}-{field}: {problem}");
            }
        }
        return null;
    }
}
