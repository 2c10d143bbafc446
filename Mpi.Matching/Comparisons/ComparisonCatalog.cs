using System.Collections.Immutable;

namespace Mpi.Matching.Comparisons;

/// <summary>The comparisons this build knows, by the name the model JSON uses.</summary>
public static class ComparisonCatalog
{
    /// <summary>The default comparisons, in scoring order.</summary>
    public static ImmutableArray<Comparison> Default { get; } =
    [
        new GivenNameComparison(),
        new MiddleNameComparison(),
        new FamilyNameComparison(),
        new BirthDateComparison(),
        new SexComparison(),
        new LocationComparison(),
        new EmailComparison(),
        new NationalIdComparison(),
    ];

    /// <summary>The comparison with this name; throws for a name this build does not know.</summary>
    public static Comparison Get(string name) =>
        Default.FirstOrDefault(c => c.Name == name)
        ?? throw new InvalidDataException($"unknown comparison '{name}'; known: {string.Join(", ", Default.Select(c => c.Name))}");
}
