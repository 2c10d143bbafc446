namespace Mpi.Service.Outcomes;

/// <summary>What a change of the core answers: the value it produced, or the refusal and nothing changed.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public bool Refused => Refusal is not null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}
