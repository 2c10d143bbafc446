namespace Mpi.Tools.Synthetic;

/// <summary>The filler national ids clerks type when the real one is unknown.</summary>
internal static class NationalIdPlaceholders
{
    public static readonly string[] Values = ["000000000", "999999999", "123456789", "111111111"];

    public static bool IsPlaceholder(string id) => Array.IndexOf(Values, id) >= 0;
}
