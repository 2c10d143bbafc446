namespace Mpi.Matching.Normalization;

/// <summary>What a normaliser did with one field, as reported back to the sender.</summary>
public enum FieldOutcome
{
    /// <summary>Nothing was sent: null, empty or only whitespace.</summary>
    Missing,

    /// <summary>The value was kept exactly as sent (the normalised form equals the input, character for character).</summary>
    Accepted,

    /// <summary>The value was rewritten to its normalised form (for example <c>03/04/1985</c> → <c>1985-03-04</c>).</summary>
    Normalized,

    /// <summary>
    /// A value was sent but is not used for matching; <see cref="FieldResult.Reason"/> says why
    /// (placeholder, impossible date, unknown code, too long …). For matching it counts as missing.
    /// </summary>
    SetAside,
}
