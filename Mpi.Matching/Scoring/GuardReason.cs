namespace Mpi.Matching.Scoring;

/// <summary>
/// Why a guard holds a pair back (docs/decisions.md, known traps; the rules are in <see cref="IdentityGuard"/>). A
/// <see cref="GuardReasons.IsConflict">conflict</see> is two people by the comparison itself and forbids a batch cluster
/// from joining across the pair; the other reasons cap the pair at review but leave it to the weight of evidence
/// when a group of records is joined by others.
/// </summary>
public enum GuardReason
{
    None = 0,

    /// <summary>Generational suffixes differ (JR/SR, II/III).</summary>
    Suffix,

    /// <summary>Two valid national ids that are not one keying error apart, with nothing to say the id was mistyped.</summary>
    NationalIds,

    /// <summary>Different given names (not nicknames or typos) with the same family name, date of birth and home.</summary>
    Twins,

    /// <summary>The same given and family name and home, born 15–50 years apart.</summary>
    FatherAndSon,

    /// <summary>
    /// The same name and date of birth at another address with no identifier to compare, where the registry is
    /// large enough and the name common enough that another person with both is to be expected.
    /// </summary>
    Namesake,

    /// <summary>A given name or date of birth that matches rarely disagree on, with no national id to vouch for the pair.</summary>
    Disagreement,
}

/// <summary>What a guard reason means for clustering.</summary>
public static class GuardReasons
{
    /// <summary>Two people by the comparison itself: never in one cluster, however the rest of the group scores.</summary>
    public static bool IsConflict(this GuardReason reason) =>
        reason is GuardReason.Suffix or GuardReason.NationalIds or GuardReason.Twins or GuardReason.FatherAndSon;
}
