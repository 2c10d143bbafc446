using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Blocking;
using Mpi.Matching.Comparisons;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Matching.Rules;
using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Normalization;

/// <summary>
/// Identifiers with their type and assigning authority (issue 15, item 5): normalised with a receipt each; the
/// national-id comparison, rules and blocking compare a national id only with one of the same authority; the national
/// id field stays the identifier of type NI with no authority.
/// </summary>
public class TypedIdentifierTests
{
    private static readonly RecordNormalizer Normalizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

    private static NormalizedRecord Record(string localId, params RecordIdentifier[] identifiers) => Normalizer.Normalize(new PatientRecord("NORTH_HOSP", localId)
    {
        GivenName = "Margaret", FamilyName = "Thompson", BirthDate = "1961-04-23", Identifiers = new RecordIdentifiers([.. identifiers]),
    }).Record;

    [Fact]
    public void Normalize_Identifiers_EachHasAReceipt_AndTheFirstNationalOneIsCompared()
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1")
        {
            Identifiers = new RecordIdentifiers([new("mr", " st-marys ", "00-123 a"), new("NI", "au.medicare", "2123 45670 1"), new("", "X", "1"), new("INS", "", "000000")]),
        });

        var receipts = result.Receipts.Where(r => r.Field.StartsWith("identifiers[", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["MR|ST-MARYS|00123A", "NI|AU.MEDICARE|2123456701", null, null], receipts.Select(r => r.Stored));
        Assert.Equal(("missing type", "placeholder identifier"), (receipts[2].Reason, receipts[3].Reason));
        Assert.Equal(("2123456701", "AU.MEDICARE", "AU.MEDICARE|2123456701"),
            (result.Record.NationalId, result.Record.NationalIdAuthority, result.Record.NationalIdKey));
        Assert.Equal(["MR|ST-MARYS|00123A", "NI|AU.MEDICARE|2123456701"], result.Record.IdentifierKeys.ToArray());
    }

    [Fact]
    public void NationalIdField_StaysTheNationalIdWithoutAuthority_EvenBesideTypedOnes()
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1") { NationalId = "406-662-512", Identifiers = new RecordIdentifiers([new("NI", "NZ", "ZZZ0016")]) });

        Assert.Equal(("406662512", "", "406662512"), (result.Record.NationalId, result.Record.NationalIdAuthority, result.Record.NationalIdKey));
    }

    [Fact]
    public void NationalIds_OfTwoAuthorities_AreNotCompared_NorJoinedByARule()
    {
        var australian = Record("a", new RecordIdentifier("NI", "AU", "212345670"));
        var newZealand = Record("b", new RecordIdentifier("NI", "NZ", "212345670"));
        var alsoAustralian = Record("c", new RecordIdentifier("NI", "AU", "212345670"));
        var comparison = new NationalIdComparison();
        var rules = new ExactRuleEvaluator([new ExactRule("national_id+birth_date", ["national_id", "birth_date"])]);

        Assert.Equal(Comparison.Missing, comparison.Level(australian, newZealand));
        Assert.Equal(1, comparison.Level(australian, alsoAustralian));
        Assert.Null(rules.FirstMatch(australian, newZealand));
        Assert.Equal("national_id+birth_date", rules.FirstMatch(australian, alsoAustralian));
        var block = BlockingRuleCatalog.Get("national_id");
        Assert.NotEqual(block.Key(australian, 1), block.Key(newZealand, 1));
        Assert.Equal(block.Key(australian, 1), block.Key(alsoAustralian, 1));
    }

    [Fact]
    public void IdentifierKeys_FindTheSameIdentifierOfTheSameAuthorityOnly()
    {
        var withMrn = Record("a", new RecordIdentifier("MR", "ST-MARYS", "00123A"));
        var sameMrnOtherHospital = Record("b", new RecordIdentifier("MR", "ST-JOHNS", "00123A"));

        Assert.Contains(IdentifierBlocking.Key("MR", "ST-MARYS", "00123A"), IdentifierBlocking.Keys(withMrn));
        Assert.DoesNotContain(IdentifierBlocking.Key("MR", "ST-MARYS", "00123A"), IdentifierBlocking.Keys(sameMrnOtherHospital));
        Assert.True(IdentifierBlocking.Holds(withMrn, new RecordIdentifier("MR", "ST-MARYS", "00123A")));
        Assert.False(IdentifierBlocking.Holds(sameMrnOtherHospital, new RecordIdentifier("MR", "ST-MARYS", "00123A")));
    }

    [Fact]
    public void Identifiers_EqualByValue_SoARecordResentWithTheSameOnesIsUnchanged()
    {
        var first = new PatientRecord("R", "1") { Identifiers = new RecordIdentifiers([new("MR", "A", "1")]) };
        var again = new PatientRecord("R", "1") { Identifiers = new RecordIdentifiers(ImmutableArray.Create(new RecordIdentifier("MR", "A", "1"))) };

        Assert.Equal(first, again);
        Assert.NotEqual(first, again with { Identifiers = new RecordIdentifiers([new("MR", "A", "2")]) });
    }
}
