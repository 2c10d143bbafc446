namespace Mpi.Tools.Synthetic;

/// <summary>
/// How often the generator plants the look-alikes that fool a naive matcher (docs/decisions.md, known traps). Group rates
/// are per primary person (one not itself created by a trap); all are probabilities in [0, 1].
/// </summary>
public sealed record SyntheticTrapRates
{
    public const double DefaultHouseholdRate = 0.10;
    public const double DefaultTwinRate = 0.005;
    public const double DefaultFatherSonRate = 0.005;
    public const double DefaultNamesakeRate = 0.003;
    public const double DefaultPlaceholderNationalIdRate = 0.01;

    /// <summary>The primary person heads a household of 1–3 more people sharing family name, address and phone.</summary>
    public double HouseholdRate { get; init; } = DefaultHouseholdRate;

    /// <summary>The primary person has a twin: same family name, birth date, address and phone; another given name.</summary>
    public double TwinRate { get; init; } = DefaultTwinRate;

    /// <summary>The primary person has a father or son with the same given and family name and address (SR/JR).</summary>
    public double FatherSonRate { get; init; } = DefaultFatherSonRate;

    /// <summary>Someone elsewhere shares the primary person's given name, family name and birth date.</summary>
    public double NamesakeRate { get; init; } = DefaultNamesakeRate;

    /// <summary>Any record whose national id is a placeholder (000000000, 999999999, 123456789) instead.</summary>
    public double PlaceholderNationalIdRate { get; init; } = DefaultPlaceholderNationalIdRate;

    internal IEnumerable<(string Name, double Rate)> All =>
    [
        (nameof(HouseholdRate), HouseholdRate), (nameof(TwinRate), TwinRate), (nameof(FatherSonRate), FatherSonRate),
        (nameof(NamesakeRate), NamesakeRate), (nameof(PlaceholderNationalIdRate), PlaceholderNationalIdRate),
    ];
}
