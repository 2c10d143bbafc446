namespace Mpi.Tests.Service;

/// <summary>
/// A nine-digit national id of its own for each key, the same on every run. Tests that need an uncertain pair give
/// two records of one name and birth date at two addresses different ids: possibly namesakes, so review (a rare name
/// at a new address with no id to compare is a person who moved, and links).
/// </summary>
internal static class SomeNationalIds
{
    public static string For(string key)
    {
        ulong hash = 14_695_981_039_346_656_037;
        foreach (var c in key) hash = (hash ^ c) * 1_099_511_628_211;
        return (100_000_000 + hash % 800_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
