using Mpi.Tools.Synthetic;
using Xunit.Abstractions;

namespace Mpi.Tests.Tools.Synthetic;

/// <summary>
/// The realism profile (the generator's default) holds its documented floors, measured on the records themselves:
/// each later record of a person against that person's first record, as a matcher would see them. Drawn from the
/// FEBRL frequency tables that `generate` uses, so that nicknames and married names are as common as in its files.
/// </summary>
public sealed class RealismProfileTests(RealismProfileTests.Population population, ITestOutputHelper output)
    : IClassFixture<RealismProfileTests.Population>
{
    /// <summary>20,000 records of the default (realistic) profile from the FEBRL tables.</summary>
    public sealed class Population
    {
        public Population()
        {
            var tables = FrequencyTables.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl-dsgen-freq"));
            Records = [.. new SyntheticPopulationGenerator(tables, new SyntheticPopulationOptions { RecordCount = 20_000, Seed = 3 }).Generate()];
            Originals = Records.Where(record => !record.IsDuplicate).ToDictionary(record => record.PersonId);
        }

        public IReadOnlyList<SyntheticRecord> Records { get; }

        public IReadOnlyDictionary<string, SyntheticRecord> Originals { get; }
    }

    [Fact]
    public void Generate_RealisticProfile_LaterRecordsMeetEveryFloor()
    {
        var later = population.Records.Where(r => r.IsDuplicate)
            .Select(r => (Later: r.Record, First: population.Originals[r.PersonId].Record))
            .ToList();
        double Share(Func<(Mpi.Matching.Records.PatientRecord Later, Mpi.Matching.Records.PatientRecord First), bool> counted,
            Func<(Mpi.Matching.Records.PatientRecord Later, Mpi.Matching.Records.PatientRecord First), bool>? among = null)
        {
            var pool = later.Where(among ?? (_ => true)).ToList();
            return pool.Count(counted) / (double)pool.Count;
        }

        static string? Given(Mpi.Matching.Records.PatientRecord r) => SyntheticPopulationFixture.Plain(r.GivenName);
        static string? Family(Mpi.Matching.Records.PatientRecord r) => SyntheticPopulationFixture.Plain(r.FamilyName);
        var figures = new (string Name, double Share, double Floor)[]
        {
            ("another address (moves)", Share(p => SyntheticPopulationFixture.Street(p.Later.AddressLine) != SyntheticPopulationFixture.Street(p.First.AddressLine)
                && SyntheticPopulationFixture.Plain(p.Later.City) != SyntheticPopulationFixture.Plain(p.First.City),
                p => p.Later.AddressLine is not null && p.First.AddressLine is not null), 0.15),
            ("another phone", Share(p => SyntheticPopulationFixture.Digits(p.Later.Phone) != SyntheticPopulationFixture.Digits(p.First.Phone),
                p => p.Later.Phone is not null && p.First.Phone is not null), 0.20),
            ("national id missing", Share(p => p.Later.NationalId is null), 0.35),
            ("national id mistyped", Share(p => p.Later.NationalId != p.First.NationalId && DigitEdits(p.Later.NationalId!, p.First.NationalId!) == 1,
                p => p.Later.NationalId is not null && p.First.NationalId is not null), 0.02),
            ("e-mail missing", Share(p => p.Later.Email is null), 0.50),
            ("given name with a typo", Share(p => Edits(Given(p.Later)!, Given(p.First)!) == 1), 0.10),
            ("family name with a typo", Share(p => Edits(Family(p.Later)!, Family(p.First)!) == 1), 0.10),
            ("nickname", Share(p => Nicknames.IsNicknameOf(Given(p.Later)!.ToLowerInvariant(), Given(p.First)!.ToLowerInvariant())), 0.05),
            ("married name (women)", Share(p => Edits(Family(p.Later)!, Family(p.First)!) > 2 && Given(p.Later) == Given(p.First),
                p => p.First.Sex is "F" or "Female" or "f" or "female"), 0.05),
            ("date of birth keyed wrong", Share(p => SyntheticPopulationFixture.Date(p.Later.BirthDate) != SyntheticPopulationFixture.Date(p.First.BirthDate),
                p => p.Later.BirthDate is not null && p.First.BirthDate is not null), 0.05),
            ("given and family swapped", Share(p => Given(p.Later) == Family(p.First) && Family(p.Later) == Given(p.First)), 0.01),
        };

        foreach (var (name, share, floor) in figures)
            output.WriteLine($"{name,-28} {share:P1} (floor {floor:P0})");
        Assert.All(figures, f => Assert.True(f.Share >= f.Floor, $"{f.Name}: {f.Share:P2} < {f.Floor:P0}"));
    }

    [Fact]
    public void Generate_RealisticProfile_FiveRegistriesEachWithItsOwnDateFormat()
    {
        var formats = population.Records.Where(r => r.Record.BirthDate is not null)
            .GroupBy(r => r.Record.Registry)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => DateShape(r.Record.BirthDate!)).MaxBy(f => f.Count())!.Key);

        Assert.Equal(5, formats.Count);
        Assert.Equal(4, formats.Values.Distinct().Count());
        Assert.Contains("dd.mm.yyyy", formats.Values);
    }

    private static string DateShape(string date) => new string([.. date.Select(c => char.IsAsciiDigit(c) ? '9' : c)]) switch
    {
        "9999-99-99" => "yyyy-mm-dd",
        "99999999" => "yyyymmdd",
        "99/99/9999" => "mm/dd/yyyy",
        "99.99.9999" => "dd.mm.yyyy",
        var other => other,
    };

    /// <summary>Digits that differ, or 1 for two adjacent digits swapped.</summary>
    private static int DigitEdits(string a, string b)
    {
        if (a.Length != b.Length) return int.MaxValue;
        var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return differ.Count == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]] ? 1 : differ.Count;
    }

    /// <summary>Optimal string alignment distance (an adjacent transposition is one edit).</summary>
    private static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
