using System.Collections.Immutable;

namespace Mpi.Tools.Synthetic;

/// <summary>What population <see cref="SyntheticPopulationGenerator"/> makes. Same options and seed, same records.</summary>
public sealed record SyntheticPopulationOptions
{
    public const int DefaultRecordCount = 10_000;
    /// <summary>About 1.96 records per person, as in the hold-out population the issues measure against.</summary>
    public const double DefaultDuplicateRate = 0.49;
    public const int DefaultMaxDuplicatesPerPerson = 3;
    public const double DefaultSameRegistryDuplicateRate = 0.20;
    public const int DefaultSeed = 1;
    public const int DefaultDuplicateWindow = 20_000;

    /// <summary>NORTH_HOSP, SOUTH_LAB, GP_NET, PHARMACY, EAST_CLINIC: each writes dates, phones and names its own way.</summary>
    public static readonly ImmutableArray<string> DefaultRegistries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY", "EAST_CLINIC"];

    /// <summary>
    /// The gentler population of earlier releases (`generate --profile clean`): 30% duplicates from four registries,
    /// fewer moves and keying errors, national ids always kept. Its duplicates are easier to find than real ones.
    /// </summary>
    public static SyntheticPopulationOptions Clean { get; } = new()
    {
        DuplicateRate = 0.30,
        Registries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY"],
        Corruption = SyntheticCorruptionRates.Clean,
    };

    /// <summary>The reference date ages are measured at (fixed, so that output does not depend on the clock).</summary>
    public static readonly DateOnly DefaultReferenceDate = new(2025, 1, 1);

    /// <summary>Exactly how many records to produce.</summary>
    public int RecordCount { get; init; } = DefaultRecordCount;

    /// <summary>
    /// The share of records that are duplicates of an earlier person. A duplicated person gets 1 to
    /// <see cref="MaxDuplicatesPerPerson"/> duplicates, each further duplicate less than half as likely.
    /// </summary>
    public double DuplicateRate { get; init; } = DefaultDuplicateRate;

    public int MaxDuplicatesPerPerson { get; init; } = DefaultMaxDuplicatesPerPerson;

    /// <summary>The share of duplicates sent by the original's registry under a new local id (the rest come from others).</summary>
    public double SameRegistryDuplicateRate { get; init; } = DefaultSameRegistryDuplicateRate;

    /// <summary>Registry codes; each has its own local-id prefix and preferred formats.</summary>
    public ImmutableArray<string> Registries { get; init; } = DefaultRegistries;

    public SyntheticCorruptionRates Corruption { get; init; } = new();

    public SyntheticTrapRates Traps { get; init; } = new();

    public int Seed { get; init; } = DefaultSeed;

    public DateOnly ReferenceDate { get; init; } = DefaultReferenceDate;

    /// <summary>
    /// Duplicates (and a primary person's look-alikes) are scheduled within this many records after the original,
    /// so only the persons of that window are held in memory.
    /// </summary>
    public int DuplicateWindow { get; init; } = DefaultDuplicateWindow;

    /// <summary>The highest <see cref="DuplicateRate"/> reachable with <see cref="MaxDuplicatesPerPerson"/>.</summary>
    public double MaxDuplicateRate
    {
        get
        {
            var mean = DuplicateCountDistribution.Mean(MaxDuplicatesPerPerson);
            return mean / (1 + mean);
        }
    }

    /// <summary>Null when the options are usable; otherwise what is wrong, for the user.</summary>
    public string? Validate()
    {
        if (RecordCount < 1)
        {
            return $"the record count must be at least 1 (got {RecordCount})";
        }

        if (MaxDuplicatesPerPerson is < 1 or > 20)
        {
            return $"the maximum number of duplicates per person must be 1–20 (got {MaxDuplicatesPerPerson})";
        }

        if (DuplicateRate < 0 || DuplicateRate > MaxDuplicateRate || double.IsNaN(DuplicateRate))
        {
            return $"the duplicate rate must be between 0 and {MaxDuplicateRate:0.###} (got {DuplicateRate})";
        }

        if (Registries.IsDefaultOrEmpty || Registries.Any(string.IsNullOrWhiteSpace) || Registries.Distinct().Count() != Registries.Length)
        {
            return "at least one registry code is needed, each non-blank and distinct";
        }

        if (DuplicateWindow < 1)
        {
            return $"the duplicate window must be at least 1 (got {DuplicateWindow})";
        }

        var rates = Corruption.All.Concat(Traps.All).Append((nameof(SameRegistryDuplicateRate), SameRegistryDuplicateRate));
        foreach (var (name, rate) in rates)
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                return $"{name} must be between 0 and 1 (got {rate})";
            }
        }

        return null;
    }
}
