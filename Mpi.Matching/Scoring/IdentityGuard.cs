using Mpi.Matching.Comparisons;
using Mpi.Matching.Comparisons.Similarity;
using Mpi.Matching.Records;

namespace Mpi.Matching.Scoring;

/// <summary>
/// The guards of the known traps (docs/decisions.md), applied to a pair's comparison levels after its weight is summed. Each
/// says why (<see cref="GuardReason"/>); the first that applies wins:
/// <list type="bullet">
/// <item>generational suffixes differ (JR/SR): never the same person;</item>
/// <item>two national ids more than one keying error apart, where the model says matches rarely show that (its "else"
/// weight is at or below <see cref="Settings.DecisionThresholds.StrongDisagreementWeight"/>; in FEBRL's noisy
/// identifiers they often do): at most review, unless the very same given name (not
/// a nickname: twins may be JACK and JACKSON), date of birth and home or e-mail say the id was mistyped (a home
/// keyed with an error of its own, a similar address or the same postal code and city, with the family name too,
/// or one keying error from it);</item>
/// <item>twins, by the comparison: different given names (not nicknames, not typos within Jaro–Winkler 0.92 or one
/// keying error, not initials) with the same family name, date of birth and home, in data where a person's records
/// rarely carry unrelated given names (<see cref="DistinctGivenNamesWeight"/>);</item>
/// <item>father and son, by the comparison: the same given and family name and home, born 15–50 years apart;</item>
/// <item>a strong disagreement on given name or date of birth (the model says matches rarely show it: its "else"
/// weight is at or below <see cref="Settings.DecisionThresholds.StrongDisagreementWeight"/>) needs the national id
/// to agree, two of them need the very same id;</item>
/// <item>namesakes: the same name and date of birth at another address, with no identifier, e-mail or middle name
/// to confirm the pair, in a registry where another person with that name and date of birth is to be expected
/// (<see cref="ExpectedNamesakes"/> at least <see cref="NamesakeExpectationLimit"/>). A rare name at a new address
/// is a person who moved.</item>
/// </list>
/// The twin, father-and-son and namesake guards depend on the comparison and the population, never on how training
/// happened to weigh a level. Twins, father and son, suffixes and national ids are conflicts (two people); the rest
/// are evidence a batch cluster may weigh (<see cref="GuardReasons.IsConflict"/>).
/// </summary>
internal sealed class IdentityGuard
{
    /// <summary>
    /// A namesake is to be feared when at least this many other people are expected to share the full name and date
    /// of birth. A registry's record is a duplicate of someone held in roughly one case in two, and that someone has
    /// moved in about one in five; at 0.002 expected namesakes, a same-name, same-birthday pair at another address is
    /// a namesake about once in fifty.
    /// </summary>
    public const double NamesakeExpectationLimit = 0.002;

    /// <summary>
    /// The chance that a person is born on a given day: births spread over about 85 years of living patients.
    /// </summary>
    public const double BirthDateFrequency = 1.0 / (365.25 * 85);

    /// <summary>
    /// The twin guard needs the data to say that a person's records rarely carry two unrelated given names: the
    /// given name's "else" weight at or below this (matches show it at most 1/16 as often as non-matches). In every
    /// registry-like population measured it is about -5.5; in FEBRL, whose generator replaces whole given names in
    /// its duplicates, about -3, and there a different given name at the same home is not twins.
    /// </summary>
    public const double DistinctGivenNamesWeight = -4.0;

    /// <summary>Given name: exact or nickname.</summary>
    private const int GivenAgreementLevels = 2;

    /// <summary>Given name: Jaro–Winkler ≥ 0.80 but no closer, not a nickname.</summary>
    private const int GivenSimilarLevel = 5;

    /// <summary>Family name: exact or Jaro–Winkler ≥ 0.92.</summary>
    private const int FamilyAgreementLevels = 2;

    /// <summary>National id: exact or one keying error.</summary>
    private const int NationalIdAgreementLevels = 2;

    /// <summary>Location: same address and phone, same address, or same phone.</summary>
    private const int HomeLevels = 3;

    /// <summary>
    /// Location: a home level, a similar address, or the same postal code and city. With the very same given name,
    /// family name and date of birth, another person of that name and birthday within one postal area is far less
    /// likely than an identifier keyed wrongly or replaced.
    /// </summary>
    private const int NearHomeLevels = 5;

    /// <summary>E-mail: exact or the same part before the @.</summary>
    private const int EmailAgreementLevels = 2;

    private const int MinGenerationGapYears = 15, MaxGenerationGapYears = 50;

    private readonly Comparison[] _comparisons;
    private readonly bool[] _strongElse;
    private readonly bool _givenNamesTellPeopleApart;
    private readonly int _given = -1, _middle = -1, _family = -1, _birth = -1, _nationalId = -1, _location = -1, _email = -1;

    public IdentityGuard(IReadOnlyList<ComparisonWeights> comparisons, double strongDisagreementWeight)
    {
        _comparisons = comparisons.Select(c => c.Comparison).ToArray();
        _strongElse = comparisons.Select(c => c.Weights[c.Comparison.ElseLevel] <= strongDisagreementWeight).ToArray();
        for (var i = 0; i < _comparisons.Length; i++)
        {
            switch (_comparisons[i])
            {
                case GivenNameComparison: _given = i; break;
                case MiddleNameComparison: _middle = i; break;
                case FamilyNameComparison: _family = i; break;
                case BirthDateComparison: _birth = i; break;
                case NationalIdComparison: _nationalId = i; break;
                case LocationComparison: _location = i; break;
                case EmailComparison: _email = i; break;
            }
        }
        _givenNamesTellPeopleApart = _given >= 0
            && comparisons[_given].Weights[_comparisons[_given].ElseLevel] <= DistinctGivenNamesWeight;
    }

    /// <summary>The guard for a pair whose comparison levels are <paramref name="levels"/>. Allocates nothing.</summary>
    public (PairGuard Guard, GuardReason Reason) Evaluate(ReadOnlySpan<int> levels, NormalizedRecord a, NormalizedRecord b)
    {
        if (a.Suffix.Length > 0 && b.Suffix.Length > 0 && a.Suffix != b.Suffix) return (PairGuard.CannotLink, GuardReason.Suffix);
        var idVouches = IsAgreement(levels, _nationalId, NationalIdAgreementLevels);
        var home = IsAgreement(levels, _location, HomeLevels);
        var emailAgrees = IsAgreement(levels, _email, EmailAgreementLevels);
        var sameBirthDate = IsAgreement(levels, _birth, 1);
        if (IsStrongDisagreement(levels, _nationalId))
        {
            // The very same given name: twins may carry nickname-equivalent names (JACK and JACKSON). A home keyed
            // with an error of its own (a similar address, or the same postal code and city) vouches only with the
            // family name too: nobody else with that full name and birthday lives a few doors away.
            var nearHome = IsAgreement(levels, _location, NearHomeLevels)
                && (IsAgreement(levels, _family, FamilyAgreementLevels) || EditDistance.IsOneEditOrTransposition(a.FamilyName, b.FamilyName));
            var mistypedId = IsAgreement(levels, _given, 1) && sameBirthDate && (home || nearHome || emailAgrees);
            return mistypedId ? (PairGuard.None, GuardReason.None) : (PairGuard.AtMostReview, GuardReason.NationalIds);
        }

        var familyAgrees = IsAgreement(levels, _family, FamilyAgreementLevels);
        if (!idVouches && familyAgrees && home)
        {
            if (sameBirthDate && _givenNamesTellPeopleApart && DifferentGivenNames(levels, a, b) && !emailAgrees && !SameMiddleName(levels, a))
                return (PairGuard.AtMostReview, GuardReason.Twins);
            if (IsAgreement(levels, _given, GivenAgreementLevels) && GenerationApart(a, b)) return (PairGuard.AtMostReview, GuardReason.FatherAndSon);
        }

        var conflicts = (IsStrongDisagreement(levels, _given) ? 1 : 0) + (IsStrongDisagreement(levels, _birth) ? 1 : 0);
        var allowed = conflicts switch
        {
            0 => true,
            1 => idVouches,
            _ => IsAgreement(levels, _nationalId, 1),
        };
        if (!allowed) return (PairGuard.AtMostReview, GuardReason.Disagreement);
        if (conflicts == 0 && IsUnconfirmedNamesake(levels, a, b, emailAgrees)) return (PairGuard.AtMostReview, GuardReason.Namesake);
        return (PairGuard.None, GuardReason.None);
    }

    /// <summary>
    /// How many other people are expected to share this pair's full name and date of birth: the registry's size
    /// times the given name's, the family name's and a birth date's frequency. Infinite when the frequencies are
    /// unknown (a record scored outside a population), so that the guard holds.
    /// </summary>
    public static double ExpectedNamesakes(NormalizedRecord a, NormalizedRecord b)
    {
        var population = Math.Max(a.PopulationSize, b.PopulationSize);
        var given = Math.Max(a.GivenNameFrequency, b.GivenNameFrequency);
        var family = Math.Max(a.FamilyNameFrequency, b.FamilyNameFrequency);
        if (population <= 0 || given <= 0 || family <= 0) return double.PositiveInfinity;
        return population * given * family * BirthDateFrequency;
    }

    private bool IsUnconfirmedNamesake(ReadOnlySpan<int> levels, NormalizedRecord a, NormalizedRecord b, bool emailAgrees) =>
        IsAgreement(levels, _given, 1) && IsAgreement(levels, _family, 1) && IsAgreement(levels, _birth, 1)
        && IsElse(levels, _location) && a.AddressLine.Length > 0 && b.AddressLine.Length > 0
        && _nationalId >= 0 && levels[_nationalId] == Comparison.Missing && !emailAgrees
        && !SameMiddleName(levels, a)
        && ExpectedNamesakes(a, b) >= NamesakeExpectationLimit;

    /// <summary>
    /// Two given names that are not the same name written another way: not a nickname, not within Jaro–Winkler 0.92,
    /// not one keying error apart (KIRRA/KIRFA, JOEL/OJEL: short names fall below 0.92 on one error), not an
    /// initial, not swapped fields.
    /// </summary>
    private bool DifferentGivenNames(ReadOnlySpan<int> levels, NormalizedRecord a, NormalizedRecord b) =>
        _given >= 0 && (levels[_given] == GivenSimilarLevel || levels[_given] == _comparisons[_given].ElseLevel)
        && !EditDistance.IsOneEditOrTransposition(a.GivenName, b.GivenName);

    /// <summary>The same full middle name on both (an initial says too little).</summary>
    private bool SameMiddleName(ReadOnlySpan<int> levels, NormalizedRecord a) => IsAgreement(levels, _middle, 1) && a.MiddleName.Length > 1;

    private static bool GenerationApart(NormalizedRecord a, NormalizedRecord b)
    {
        if (!a.HasBirthDate || !b.HasBirthDate) return false;
        var years = Math.Abs(a.BirthYear - b.BirthYear);
        return years is >= MinGenerationGapYears and <= MaxGenerationGapYears;
    }

    private bool IsElse(ReadOnlySpan<int> levels, int comparison) =>
        comparison >= 0 && levels[comparison] == _comparisons[comparison].ElseLevel;

    private bool IsStrongDisagreement(ReadOnlySpan<int> levels, int comparison) => IsElse(levels, comparison) && _strongElse[comparison];

    private static bool IsAgreement(ReadOnlySpan<int> levels, int comparison, int bestLevels) =>
        comparison >= 0 && levels[comparison] >= 1 && levels[comparison] <= bestLevels;
}
