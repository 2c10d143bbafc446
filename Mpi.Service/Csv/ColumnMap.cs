using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>
/// Parses a <c>--map src=dst,src2=dst2</c> option that renames a source file's headers to canonical columns
/// (e.g. FEBRL's <c>surname=family_name,suburb=city,postcode=postal_code</c>).
/// </summary>
public static class ColumnMap
{
    /// <summary>
    /// Parses the spec. Null or blank gives an empty map. Names are trimmed; sources compare case-insensitively;
    /// each destination must be a canonical column (<see cref="CanonicalColumns.InFiles"/>) used at most once.
    /// </summary>
    public static ColumnMapResult Parse(string? spec)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(spec))
        {
            return ColumnMapResult.Success(map);
        }

        var sourceByDestination = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawEntry in spec.Split(','))
        {
            var entry = rawEntry.Trim();
            var equals = entry.IndexOf('=');
            if (equals <= 0 || equals == entry.Length - 1 || entry.IndexOf('=', equals + 1) >= 0)
            {
                return ColumnMapResult.Failure(
                    $"--map: '{entry}' is not of the form source=destination (expected e.g. surname=family_name,suburb=city)");
            }

            var source = entry[..equals].Trim();
            var destinationName = entry[(equals + 1)..].Trim();
            if (source.Length == 0 || destinationName.Length == 0)
            {
                return ColumnMapResult.Failure($"--map: '{entry}' is not of the form source=destination");
            }

            var destination = FindCanonical(destinationName);
            if (destination is null)
            {
                return ColumnMapResult.Failure(
                    $"--map: '{destinationName}' is not a canonical column; expected one of {string.Join(", ", CanonicalColumns.InFiles)}");
            }

            if (map.ContainsKey(source))
            {
                return ColumnMapResult.Failure($"--map: '{source}' is mapped more than once");
            }

            if (sourceByDestination.TryGetValue(destination, out var other))
            {
                return ColumnMapResult.Failure($"--map: both '{other}' and '{source}' map to {destination}");
            }

            map.Add(source, destination);
            sourceByDestination.Add(destination, source);
        }

        return ColumnMapResult.Success(map);
    }

    internal static string? FindCanonical(string name)
    {
        foreach (var column in CanonicalColumns.InFiles)
        {
            if (string.Equals(column, name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }
}
