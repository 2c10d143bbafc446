namespace Mpi.Service.Changes;

/// <summary>What a change did to a record's person (the contract's IdentityChangeKind).</summary>
public enum ChangeKind
{
    NewPerson,
    Link,
    Unlink,
    Merge,
    Unmerge,
    PersonRetired,
    RecordUpdated,
    RecordDeactivated,
    RecordReactivated,
}
