namespace Mpi.Tools.Synthetic;

/// <summary>Why a synthetic person looks like another, different person (docs/decisions.md, known traps).</summary>
public enum SyntheticTrap
{
    /// <summary>A primary person, made independently of the others.</summary>
    None,

    /// <summary>Lives with the related person: same family name, address, postal code, city and phone.</summary>
    Household,

    /// <summary>Twin of the related person: same family name, birth date, address and phone.</summary>
    Twin,

    /// <summary>Father or son of the related person: same given and family name and address, SR/JR.</summary>
    FatherSon,

    /// <summary>Same given name, family name and birth date as the related person, living elsewhere.</summary>
    Namesake,
}
