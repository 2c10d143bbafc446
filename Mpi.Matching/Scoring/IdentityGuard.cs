using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;

namespace Mpi.Matching.Scoring;

/// <summary>
/// The guards of DESIGN.md's known traps, applied to a pair's comparison levels after its weight is summed.
/// Conflicting generational suffixes (JR/SR, II/III) are two people. A strong disagreement on a field that tells
/// people apart blocks an automatic link unless independent evidence vouches for the pair:
/// <list type="bullet">
/// <item>a different given name (twins, siblings) or date of birth (father and son) needs the national id to agree;</item>
/// <item>a different national id needs the very same given name and date of birth, and the same address, phone or
/// e-mail (a keying error in the id, not a relative);</item>
/// <item>two such disagreements need the very same national id;</item>
/// <item>name and date of birth at another street address, with no national id to compare and no e-mail in common,
/// may be namesakes born the same day: review.</item>
/// </list>
/// A disagreement is strong when the model says true matches rarely show it: its "else" weight is at or below
/// <see cref="Settings.DecisionThresholds.StrongDisagreementWeight"/>. Data whose matches often disagree on a field
/// (heavy keying noise, as in FEBRL) rely on the weights there, while clean registries get the guard.
/// </summary>
internal sealed class IdentityGuard
{
    /// <summary>Given name: exact or nickname.</summary>
    private const int GivenAgreementLevels = 2;

    /// <summary>National id: exact or one keying error.</summary>
    private const int NationalIdAgreementLevels = 2;

    /// <summary>Location: same address and phone, same address, or same phone.</summary>
    private const int LocationAgreementLevels = 3;

    private readonly Comparison[] _comparisons;
    private readonly bool[] _strongElse;
    private readonly int _given = -1, _birth = -1, _nationalId = -1, _location = -1, _email = -1;

    public IdentityGuard(IReadOnlyList<ComparisonWeights> comparisons, double strongDisagreementWeight)
    {
        _comparisons = comparisons.Select(c => c.Comparison).ToArray();
        _strongElse = comparisons.Select(c => c.Weights[c.Comparison.ElseLevel] <= strongDisagreementWeight).ToArray();
        for (var i = 0; i < _comparisons.Length; i++)
        {
            switch (_comparisons[i])
            {
                case GivenNameComparison: _given = i; break;
                case BirthDateComparison: _birth = i; break;
                case NationalIdComparison: _nationalId = i; break;
                case LocationComparison: _location = i; break;
                case EmailComparison: _email = i; break;
            }
        }
    }

    /// <summary>The guard for a pair whose comparison levels are <paramref name="levels"/>. Allocates nothing.</summary>
    public PairGuard Evaluate(ReadOnlySpan<int> levels, NormalizedRecord a, NormalizedRecord b)
    {
        if (a.Suffix.Length > 0 && b.Suffix.Length > 0 && a.Suffix != b.Suffix) return PairGuard.CannotLink;
        var givenConflict = IsStrongDisagreement(levels, _given);
        var birthConflict = IsStrongDisagreement(levels, _birth);
        var idConflict = IsStrongDisagreement(levels, _nationalId);
        var emailAgrees = IsAgreement(levels, _email, 1);
        var conflicts = (givenConflict ? 1 : 0) + (birthConflict ? 1 : 0) + (idConflict ? 1 : 0);
        var allowed = conflicts switch
        {
            0 => !IsUnconfirmedNamesake(levels, a, b, emailAgrees),
            1 when idConflict => IsAgreement(levels, _given, GivenAgreementLevels) && IsAgreement(levels, _birth, 1)
                && (IsAgreement(levels, _location, LocationAgreementLevels) || emailAgrees),
            1 => IsAgreement(levels, _nationalId, NationalIdAgreementLevels),
            _ => IsAgreement(levels, _nationalId, 1),
        };
        return allowed ? PairGuard.None : PairGuard.AtMostReview;
    }

    private bool IsUnconfirmedNamesake(ReadOnlySpan<int> levels, NormalizedRecord a, NormalizedRecord b, bool emailAgrees) =>
        IsElse(levels, _location) && a.AddressLine.Length > 0 && b.AddressLine.Length > 0
        && _nationalId >= 0 && levels[_nationalId] == Comparison.Missing && !emailAgrees;

    private bool IsElse(ReadOnlySpan<int> levels, int comparison) =>
        comparison >= 0 && levels[comparison] == _comparisons[comparison].ElseLevel;

    private bool IsStrongDisagreement(ReadOnlySpan<int> levels, int comparison) => IsElse(levels, comparison) && _strongElse[comparison];

    private static bool IsAgreement(ReadOnlySpan<int> levels, int comparison, int bestLevels) =>
        comparison >= 0 && levels[comparison] >= 1 && levels[comparison] <= bestLevels;
}
