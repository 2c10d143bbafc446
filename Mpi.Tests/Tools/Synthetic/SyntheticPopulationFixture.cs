using System.Globalization;
using Mpi.Matching.Records;
using Mpi.Tools.Synthetic;

namespace Mpi.Tests.Tools.Synthetic;

/// <summary>One 20,000-record population with default options, generated once for the tests that inspect it.</summary>
public sealed class SyntheticPopulationFixture
{
    public const int RecordCount = 20_000;

    private const string AccentedLetters = "áàâäãåéèêëíìîïóòôöõúùûüñç";
    private const string PlainLetters = "aaaaaaeeeeiiiiooooouuuunc";

    public SyntheticPopulationFixture()
    {
        Options = new SyntheticPopulationOptions { RecordCount = RecordCount, Seed = 11 };
        Records = new SyntheticPopulationGenerator(SomeFrequencyTables.Create(), Options).Generate().ToList();
        Originals = Records.Where(record => !record.IsDuplicate).ToDictionary(record => record.PersonId);
    }

    public SyntheticPopulationOptions Options { get; }

    public IReadOnlyList<SyntheticRecord> Records { get; }

    /// <summary>Each person's first record, by person id.</summary>
    public IReadOnlyDictionary<string, SyntheticRecord> Originals { get; }

    public IEnumerable<SyntheticRecord> OriginalsOf(SyntheticTrap trap) => Originals.Values.Where(record => record.Trap == trap);

    public PatientRecord OriginalOfRelated(SyntheticRecord record) => Originals[record.RelatedPersonId!].Record;

    /// <summary>Text compared the way a normaliser would: upper case, no accents.</summary>
    public static string? Plain(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // The build runs with invariant globalization, where String.Normalize leaves accents alone.
        var plain = value.ToLowerInvariant().Select(c => AccentedLetters.IndexOf(c) is var i and >= 0 ? PlainLetters[i] : c);
        return new string([.. plain]).ToUpperInvariant();
    }

    /// <summary>A street address without its street type, which some registries abbreviate.</summary>
    public static string? Street(string? addressLine) =>
        addressLine is null ? null : string.Join(' ', Plain(addressLine)!.Split(' ')[..^1]);

    public static DateOnly? Date(string? value) =>
        value is not null
        && DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyyMMdd", "MM/dd/yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string? Digits(string? value) => value is null ? null : new string([.. value.Where(char.IsAsciiDigit)]);
}
