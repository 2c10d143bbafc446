namespace Mpi.Matching.Decisions;

/// <summary>What happened to a record (docs/decisions.md, pipeline step 7).</summary>
public enum DecisionKind
{
    /// <summary>A new person: no candidate reached the review threshold.</summary>
    New,
    /// <summary>Linked by a deterministic rule, without scoring.</summary>
    RuleLink,
    /// <summary>Linked because the match probability reached the auto-link threshold.</summary>
    AutoLink,
    /// <summary>Uncertain: a person must decide.</summary>
    Review,
}

/// <summary>The wire and file spelling of decisions.</summary>
public static class DecisionKindNames
{
    public static string ToWire(this DecisionKind kind) => kind switch
    {
        DecisionKind.New => "new",
        DecisionKind.RuleLink => "rule_link",
        DecisionKind.AutoLink => "auto_link",
        DecisionKind.Review => "review",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
