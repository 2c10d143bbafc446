namespace Mpi.Service.Changes;

/// <summary>Who made a change (the contract's ActorKind).</summary>
public enum ActorKind
{
    Engine,
    Reviewer,
    Steward,
    Source,
}
