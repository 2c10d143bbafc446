using Mpi.Matching.Records;
using Mpi.Service.Csv;
using static Mpi.Tests.Service.Csv.CsvTestReading;

namespace Mpi.Tests.Service.Csv;

/// <summary>
/// The canonical file's <c>identifiers</c> column: <c>TYPE|AUTHORITY|VALUE</c> entries separated by <c>;</c>, read
/// into the record's identifiers as sent (normalising judges them later), written back the same way.
/// </summary>
public sealed class IdentifiersColumnTests
{
    [Fact]
    public void Open_IdentifiersColumn_GivesEachEntryAsSentAndNoneWhenEmpty()
    {
        var content = "registry,local_id,family_name,identifiers\n" +
            "NORTH_HOSP,1,Smith, MR||000123 ; NH|AU-HIC|2951 12345 1;\n" +
            "NORTH_HOSP,2,Jones,\n";

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        Assert.Equal(
            new RecordIdentifiers([new RecordIdentifier("MR", "", "000123"), new RecordIdentifier("NH", "AU-HIC", "2951 12345 1")]),
            rows[0].Record!.Identifiers);
        Assert.Same(RecordIdentifiers.None, rows[1].Record!.Identifiers);
    }

    [Fact]
    public void Open_IdentifierWithoutThreeParts_ReportsTheLineAndEntryAndKeepsTheOtherRows()
    {
        var content = "registry,local_id,identifiers\n" +
            "R,1,MR||1\n" +
            "R,2,MR||2;NH-2951123451\n" +
            "R,3,\"MR|A|3|with a bar\"\n";

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        Assert.Equal(["1", "3"], rows.LocalIds());
        Assert.Equal(["line 3: identifiers: entry 2 has 1 part; each is TYPE|AUTHORITY|VALUE, separated by ';' (no authority: MR||12345)"],
            rows.Errors());
        // Only the first two bars divide: a value may hold one.
        Assert.Equal(new RecordIdentifier("MR", "A", "3|with a bar"), rows[2].Record!.Identifiers.Items.Single());
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameIdentifiers()
    {
        var identifiers = new RecordIdentifiers([new RecordIdentifier("MR", "", "77"), new RecordIdentifier("PI", "GP.NET", "A-9")]);
        var text = new StringWriter();
        using (var writer = new CanonicalCsvWriter(text, leaveOpen: true))
        {
            writer.Write(new PatientRecord("R", "1") { Identifiers = identifiers });
            writer.Write(new PatientRecord("R", "2"));
        }

        var (rows, error) = ReadText(text.ToString());

        Assert.Null(error);
        Assert.Equal(identifiers, rows[0].Record!.Identifiers);
        Assert.Same(RecordIdentifiers.None, rows[1].Record!.Identifiers);
    }
}
