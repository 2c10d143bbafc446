namespace Mpi.Matching.Normalization;

/// <summary>
/// The receipt of one field's normalisation: the value to match on and what was done to get it.
/// </summary>
/// <param name="Value">The normalised value; non-null exactly when <paramref name="Outcome"/> is
/// <see cref="FieldOutcome.Accepted"/> or <see cref="FieldOutcome.Normalized"/>.</param>
/// <param name="Outcome">Whether the value was missing, kept, rewritten or set aside.</param>
/// <param name="Reason">For <see cref="FieldOutcome.SetAside"/>, a short human sentence saying why
/// (for example <c>placeholder identifier</c> or <c>impossible date 1985-02-30</c>); otherwise null.</param>
public readonly record struct FieldResult(string? Value, FieldOutcome Outcome, string? Reason)
{
    /// <summary>The result for a field that was not sent.</summary>
    public static FieldResult Missing { get; } = new(null, FieldOutcome.Missing, null);

    /// <summary>True when there is a value to match on (accepted or normalised).</summary>
    public bool HasValue => Outcome is FieldOutcome.Accepted or FieldOutcome.Normalized;

    /// <summary>A value that was sent but is not used, with the reason.</summary>
    public static FieldResult SetAside(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(null, FieldOutcome.SetAside, reason);
    }

    /// <summary>
    /// <see cref="FieldOutcome.Accepted"/> when <paramref name="normalized"/> equals <paramref name="raw"/>
    /// ordinally, otherwise <see cref="FieldOutcome.Normalized"/>.
    /// </summary>
    public static FieldResult Of(string raw, string normalized)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentException.ThrowIfNullOrEmpty(normalized);
        var outcome = string.Equals(raw, normalized, StringComparison.Ordinal)
            ? FieldOutcome.Accepted
            : FieldOutcome.Normalized;
        return new(normalized, outcome, null);
    }
}
