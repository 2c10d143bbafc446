using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Crash;

/// <summary>
/// A register load for the crash test: distinct synthetic persons, about four in ten sent by two or three registries
/// (so that registrations link), each record under a (registry, local id) used once, in a shuffled order. The
/// same seed gives the same messages.
/// </summary>
internal static class CrashLoad
{
    private static readonly string[] Registries = ["NORTH_HOSP", "SOUTH_LAB", "GP_NET", "PHARMACY"];
    private static readonly string[] Given =
    [
        "Annabel", "Bartholomew", "Chidinma", "Desmond", "Evangeline", "Fitzgerald", "Gwendolyn", "Horatio", "Ifeoma", "Jasper",
        "Katarina", "Leopold", "Marisol", "Nathaniel", "Ottoline", "Percival", "Quentin", "Rosalind", "Sebastian", "Theodora",
    ];
    private static readonly string[] Family =
    [
        "Ashdown", "Brightwater", "Castellanos", "Dunmore", "Eriksdottir", "Fairweather", "Galbraith", "Hollingsworth", "Ignatiev",
        "Jablonski", "Kowalczyk", "Lindqvist", "Montgomery", "Nakamura", "Oyelaran", "Pemberton", "Quartermaine", "Rasmussen",
        "Sandoval", "Thistlewood", "Underhill", "Vasquez", "Whitcombe", "Yamamoto",
    ];
    private static readonly string[] Streets = ["Lilly Pilly Lane", "Wattle Street", "Banksia Road", "Jacaranda Close", "Waratah Avenue"];

    /// <summary>Messages for <paramref name="persons"/> persons (about 1.5 messages a person).</summary>
    public static RegisterRequest[] Messages(int persons, int seed)
    {
        var random = new Random(seed);
        var messages = new List<RegisterRequest>();
        for (var person = 0; person < persons; person++)
        {
            var copies = random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
            var first = random.Next(Registries.Length);
            for (var copy = 0; copy < copies; copy++)
                messages.Add(Message(person, Registries[(first + copy) % Registries.Length], withNationalId: copy == 0 || person % 2 == 0));
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(messages));
        return [.. messages];
    }

    /// <summary>
    /// One person as one registry sends it. Every person has its own birth date, address and national id; a copy from a
    /// second registry carries the national id for even persons (a deterministic link) and not for odd ones (a scored one).
    /// </summary>
    private static RegisterRequest Message(int person, string registry, bool withNationalId) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = $"{registry[0]}{registry[^1]}-{person:D6}" },
        Demographics = new Demographics
        {
            GivenName = Given[person % Given.Length],
            FamilyName = Family[person / Given.Length % Family.Length],
            BirthDate = new DateOnly(1930, 1, 1).AddDays(person * 7 % 30_000).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Sex = person % 2 == 0 ? "F" : "M",
            AddressLine = $"{person % 400 + 1} {Streets[person % Streets.Length]}",
            City = "Delmar",
            PostalCode = $"{2000 + person % 7000}",
            NationalId = withNationalId ? $"{300_000_000 + person * 7_919}" : "",
        },
    };
}
