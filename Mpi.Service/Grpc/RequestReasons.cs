namespace Mpi.Service.Grpc;

/// <summary>
/// The free-text reasons the contract bounds (persons, review and model RPCs: "1 to 500 characters", a release's "at
/// most 500"): checked once here so that every RPC keeps the same promise, INVALID_ARGUMENT naming the field.
/// </summary>
public static class RequestReasons
{
    public const int MaxLength = Outcomes.StatedReasons.MaxLength;

    /// <summary>A required reason, trimmed: <c>missing</c> when empty, <c>longer than 500 characters</c> beyond the bound.</summary>
    public static string Required(string reason, string field = "reason") =>
        Optional(reason, field) ?? throw InvalidArgument.Of([(field, "missing")]);

    /// <summary>An optional reason, trimmed, or null when none was sent.</summary>
    public static string? Optional(string reason, string field = "reason")
    {
        var trimmed = reason.Trim();
        if (trimmed.Length > MaxLength) throw InvalidArgument.Of([(field, $"longer than {MaxLength} characters")]);
        return trimmed.Length == 0 ? null : trimmed;
    }
}
