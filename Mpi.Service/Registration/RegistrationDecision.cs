namespace Mpi.Service.Registration;

/// <summary>What <c>Register</c> did with a record (the wire values of the contract).</summary>
public enum RegistrationDecision
{
    /// <summary>Linked to an existing person by a deterministic rule.</summary>
    RuleLink,
    /// <summary>Linked to an existing person because the match probability reached the auto-link threshold.</summary>
    AutoLink,
    /// <summary>Uncertain: the record is its own person for now, and a review task asks a person to decide.</summary>
    Review,
    /// <summary>No candidate came close: a new person.</summary>
    New,
    /// <summary>The (registry, local id) was known: its record was updated (or re-sent unchanged) and keeps its person.</summary>
    Updated,
}

/// <summary>From the engine's decision to the registration's.</summary>
public static class RegistrationDecisions
{
    public static RegistrationDecision From(Mpi.Matching.Decisions.DecisionKind kind) => kind switch
    {
        Mpi.Matching.Decisions.DecisionKind.RuleLink => RegistrationDecision.RuleLink,
        Mpi.Matching.Decisions.DecisionKind.AutoLink => RegistrationDecision.AutoLink,
        Mpi.Matching.Decisions.DecisionKind.Review => RegistrationDecision.Review,
        _ => RegistrationDecision.New,
    };

    /// <summary>The decision's snake_case name, as history kinds, audit outcomes and CSV output spell it.</summary>
    public static string Wire(RegistrationDecision decision) => decision switch
    {
        RegistrationDecision.RuleLink => "rule_link",
        RegistrationDecision.AutoLink => "auto_link",
        RegistrationDecision.Review => "review",
        RegistrationDecision.New => "new",
        _ => "updated",
    };
}
