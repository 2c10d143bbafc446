namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// What a link event did to a record's person. Stored as a word (<see cref="Persistence.StoredWords"/>), compared as this.
/// </summary>
public enum LinkKind
{
    /// <summary>Registered as a person of its own (also when it went to review).</summary>
    New,
    /// <summary>Its demographics changed; it keeps its person.</summary>
    Updated,
    /// <summary>Linked by a deterministic rule.</summary>
    RuleLink,
    /// <summary>Linked because its probability reached the auto-link threshold.</summary>
    AutoLink,
    /// <summary>Linked by a reviewer's answer to a review task.</summary>
    ReviewerLink,
    /// <summary>Linked by a steward.</summary>
    StewardLink,
    /// <summary>Moved onto the survivor of a steward's merge.</summary>
    StewardMerge,
    /// <summary>Moved onto the survivor because a new record bridged the two persons.</summary>
    AutoMerge,
    /// <summary>Taken off its person onto a new one by a steward.</summary>
    Unlink,
    /// <summary>Moved back by the undoing of a merge.</summary>
    Unmerge,
    /// <summary>Deactivated by its registry: it keeps its person and history, and is no longer matched on.</summary>
    Deactivated,
    /// <summary>Registered again after a deactivation: active again on its person.</summary>
    Reactivated,
}

/// <summary>Kinds that belong together.</summary>
public static class LinkKinds
{
    /// <summary>The two ways a record moves onto a merge's survivor; an unmerge undoes either. Also usable in queries.</summary>
    public static readonly LinkKind[] Merges = [LinkKind.StewardMerge, LinkKind.AutoMerge];

    public static bool IsMerge(this LinkKind kind) => Merges.Contains(kind);

    /// <summary>Whether the event put the record on its person (not an update, deactivation or reactivation, which leave it where it is).</summary>
    public static bool MovesRecord(this LinkKind kind) => kind is not (LinkKind.Updated or LinkKind.Deactivated or LinkKind.Reactivated);
}
