using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

/// <summary>Expected field results, written the way the receipt reads.</summary>
internal static class Receipt
{
    public static FieldResult Missing => FieldResult.Missing;

    public static FieldResult Accepted(string value) => new(value, FieldOutcome.Accepted, null);

    public static FieldResult Normalized(string value) => new(value, FieldOutcome.Normalized, null);

    public static FieldResult SetAside(string reason) => new(null, FieldOutcome.SetAside, reason);

    /// <summary>Accepted when <paramref name="value"/> is exactly what was sent, else normalised.</summary>
    public static FieldResult Value(string raw, string value) =>
        raw == value ? Accepted(value) : Normalized(value);
}
