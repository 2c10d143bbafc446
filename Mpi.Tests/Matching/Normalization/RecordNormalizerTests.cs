using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Tests.Matching.Normalization;

public class RecordNormalizerTests
{
    private static readonly RecordNormalizer Normalizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

    private static FieldReceipt ReceiptOf(NormalizationResult result, string field) => result.Receipts.Single(r => r.Field == field);

    [Fact]
    public void Normalize_DesignExamples_ReceiptSaysFromAndTo()
    {
        var result = Normalizer.Normalize(new PatientRecord("NORTH_HOSP", " 123 ") { GivenName = "José", BirthDate = "03/04/1985" });

        Assert.Equal(("José", "JOSE", FieldOutcome.Normalized), Triple(ReceiptOf(result, "given_name")));
        Assert.Equal(("03/04/1985", "1985-03-04", FieldOutcome.Normalized), Triple(ReceiptOf(result, "birth_date")));
        Assert.Equal("123", result.Record.LocalId);
        Assert.Equal((1985, 3, 4, "19850304"), (result.Record.BirthYear, result.Record.BirthMonth, result.Record.BirthDay, result.Record.BirthDigits));
    }

    [Fact]
    public void Normalize_EveryCanonicalField_HasOneReceipt()
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1"));
        var expected = CanonicalColumns.All.Except([CanonicalColumns.Registry, CanonicalColumns.LocalId]).Order();
        Assert.Equal(expected, result.Receipts.Select(r => r.Field).Order());
        Assert.All(result.Receipts, r => Assert.Equal(FieldOutcome.Missing, r.Outcome));
    }

    [Theory]
    [InlineData("000000000")]
    [InlineData("999999999")]
    [InlineData("123456789")]
    public void Normalize_PlaceholderNationalId_IsSetAsideAndEmpty(string id)
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1") { NationalId = id });
        Assert.Equal(FieldOutcome.SetAside, ReceiptOf(result, "national_id").Outcome);
        Assert.Equal("", result.Record.NationalId);
    }

    [Fact]
    public void Normalize_SetAsideOnly_KeepsTheSetAsideReceiptsAndTheSameRecord()
    {
        var raw = new PatientRecord("R", "1") { GivenName = "José", FamilyName = "Smith Jr.", BirthDate = "1985-02-30", NationalId = "000000000" };

        var full = Normalizer.Normalize(raw);
        var lean = Normalizer.Normalize(raw, ReceiptDetail.SetAsideOnly);

        Assert.Equal(full.Receipts.Where(r => r.Outcome == FieldOutcome.SetAside), lean.Receipts);
        Assert.Equal(["birth_date", "national_id"], lean.Receipts.Select(r => r.Field));
        Assert.Equal((full.Record.GivenName, full.Record.FamilyName, full.Record.Suffix, full.Record.BirthDigits, full.Record.NationalId),
            (lean.Record.GivenName, lean.Record.FamilyName, lean.Record.Suffix, lean.Record.BirthDigits, lean.Record.NationalId));
    }

    [Fact]
    public void Normalize_ImpossibleDate_IsSetAsideWithReason()
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1") { BirthDate = "1985-02-30" });
        var receipt = ReceiptOf(result, "birth_date");
        Assert.Equal(FieldOutcome.SetAside, receipt.Outcome);
        Assert.Contains("impossible", receipt.Reason);
        Assert.False(result.Record.HasBirthDate);
    }

    [Fact]
    public void Normalize_SuffixInFamilyName_MovesToSuffixField()
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1") { GivenName = "John", FamilyName = "Smith Jr." });
        Assert.Equal(("SMITH", "JR"), (result.Record.FamilyName, result.Record.Suffix));
        Assert.Equal(FieldOutcome.Normalized, ReceiptOf(result, "suffix").Outcome);
    }

    [Fact]
    public void Normalize_SuffixFieldGiven_WinsOverTheName()
    {
        var result = Normalizer.Normalize(new PatientRecord("R", "1") { FamilyName = "Smith Jr", Suffix = "Senior" });
        Assert.Equal("SR", result.Record.Suffix);
    }

    [Fact]
    public void Normalize_Nickname_SharesAGroupWithTheFormalName()
    {
        var bob = Normalizer.Normalize(new PatientRecord("R", "1") { GivenName = "Bob" }).Record;
        var robert = Normalizer.Normalize(new PatientRecord("R", "2") { GivenName = "Robert" }).Record;
        Assert.NotEmpty(bob.GivenNameGroups.Intersect(robert.GivenNameGroups));
    }

    [Fact]
    public void Normalize_Names_GetDoubleMetaphoneKeys()
    {
        var record = Normalizer.Normalize(new PatientRecord("R", "1") { GivenName = "Smith", FamilyName = "Schmidt" }).Record;
        Assert.Equal(("SM0", "XMT"), (record.GivenPhonetic, record.FamilyPhonetic));
    }

    [Fact]
    public void Normalize_UninformativeSex_IsMissingForMatching()
    {
        Assert.Equal('\0', Normalizer.Normalize(new PatientRecord("R", "1") { Sex = "U" }).Record.Sex);
        Assert.Equal('F', Normalizer.Normalize(new PatientRecord("R", "1") { Sex = "female" }).Record.Sex);
    }

    private static (string?, string?, FieldOutcome) Triple(FieldReceipt r) => (r.Received, r.Stored, r.Outcome);
}
