using System.Text;
using Mpi.Matching.Records;
using Mpi.Service.Csv;
using static Mpi.Tests.Service.Csv.CsvTestReading;

namespace Mpi.Tests.Service.Csv;

public sealed class CanonicalCsvReaderErrorTests
{
    private static readonly string CanonicalHeader = string.Join(",", CanonicalColumns.All);

    [Fact]
    public void Open_RowWithWrongNumberOfFields_ReportsLineAndKeepsGoodRows()
    {
        var good = "R,{0},Ann,,Smith,,1980-01-01,F,,,,,,,,";
        var content = string.Join("\n",
            CanonicalHeader, string.Format(good, 1), string.Format(good, 2), "R,3,Bob", string.Format(good, 4), "");

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        Assert.Equal(["1", "2", "4"], rows.LocalIds());
        Assert.Equal(["line 4: 3 fields, the header has 16"], rows.Errors());
        Assert.Equal(4, rows.Single(row => !row.Succeeded).LineNumber);
    }

    [Theory]
    [InlineData("R,,Ann", "line 3: local_id is empty")]
    [InlineData(",7,Ann", "line 3: registry is empty")]
    [InlineData(" , \"\" ,Ann", "line 3: registry and local_id are empty")]
    public void Open_RowWithoutRegistryOrLocalId_ReportsWhichIsMissing(string badRow, string expected)
    {
        var content = $"registry,local_id,given_name\nR,1,Ann\n{badRow}\nR,2,Bob\n";

        var (rows, _) = ReadText(content);

        Assert.Equal(["1", "2"], rows.LocalIds());
        Assert.Equal([expected], rows.Errors());
    }

    [Fact]
    public void Open_InvalidUtf8InTheMiddle_ReportsByteAndColumnAndKeepsFollowingRows()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("registry,local_id,given_name\nR,1,José\nR,2,Ren"));
        bytes.Add(0xE9); // Latin-1 é: a lone lead byte in UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("e\nR,3,Zoë\n\"R\",4,\"multi\nli"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes("ne\"\nR,5,Ann\n"));

        var (rows, error) = ReadBytes(bytes.ToArray());

        Assert.Null(error);
        Assert.Equal(["1", "3", "5"], rows.LocalIds());
        Assert.Equal("José", rows[0].Record!.GivenName);
        Assert.Equal("Zoë", rows[2].Record!.GivenName);
        Assert.Equal(
            ["line 3: not valid UTF-8 (byte 0xE9 at column 8)", "line 6: not valid UTF-8 (byte 0xFF at column 3)"],
            rows.Errors());
        Assert.Equal([2, 3, 4, 5, 7], rows.Select(row => row.LineNumber));
    }

    [Fact]
    public void Open_TenThousandCharacterName_ReportsLengthAndKeepsOtherRows()
    {
        var longName = new string('a', 10_000);
        var content = $"registry,local_id,given_name\nR,1,Ann\nR,2,{longName}\nR,3,\"{longName}\"\nR,4,Bob\n";

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        Assert.Equal(["1", "4"], rows.LocalIds());
        Assert.Equal(
            ["line 3: given_name is 10000 characters; the limit is 1000", "line 4: given_name is 10000 characters; the limit is 1000"],
            rows.Errors());
    }

    [Fact]
    public void Open_ConfiguredFieldLimit_AppliesToCanonicalColumnsOnly()
    {
        var content = "registry,local_id,family_name,notes\nR,1,Smith,a long note that is ignored\nR,2,Smithson,x\n";

        var (rows, _) = ReadText(content, new CsvReadOptions { MaxFieldLength = 5 });

        Assert.Equal(["1"], rows.LocalIds());
        Assert.Equal(["line 3: family_name is 8 characters; the limit is 5"], rows.Errors());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n   \n")]
    public void Open_EmptyFile_ReturnsFileError(string content)
    {
        var (rows, error) = ReadText(content);

        Assert.Empty(rows);
        Assert.Equal("the file is empty: a header row with registry and local_id is required", error);
    }

    [Theory]
    [InlineData("registry,given_name\nR,Ann\n", "the header has no local_id column; headers found: registry, given_name (name the file's own columns with --map, for example --map mrn=local_id)")]
    [InlineData("id, given_name\n1,Ann\n", "the header has no registry or local_id columns; headers found: id, given_name (name the file's own columns with --map, for example --map source=registry,mrn=local_id)")]
    [InlineData("local_id\n1\n", "the header has no registry column; headers found: local_id (name the file's own columns with --map, for example --map source=registry)")]
    // No header: line 1 is a patient's row, not repeated.
    [InlineData("HOSP,12345,JOHN,SMITH,1980-01-02\nHOSP,12346,ANN,SMITH,1981-02-03\n",
        "the header has no registry or local_id columns; line 1 names none of the canonical columns (5 fields): is the header row missing? (name the file's own columns with --map, for example --map source=registry,mrn=local_id)")]
    public void Open_HeaderWithoutMandatoryColumns_SaysWhichAndListsHeaders(string content, string expected)
    {
        var (_, error) = ReadText(content);

        Assert.Equal(expected, error);
    }

    [Fact]
    public void Open_LinesEndingInCarriageReturnsAlone_IsRefusedNotReadAsAnEmptyFile()
    {
        var (rows, error) = ReadText("registry,local_id,given_name\rN,1,A\rN,2,B\r");

        Assert.Empty(rows);
        Assert.Equal("the lines end in a carriage return alone (CR): convert them to LF or CRLF, for example with tr '\\r' '\\n'", error);
    }

    [Fact]
    public void Open_MapOntoAColumnAlreadyPresent_ReturnsFileError()
    {
        var map = ColumnMap.Parse("surname=family_name").Map;

        var (_, error) = ReadText("registry,local_id,surname,family_name\n", new CsvReadOptions { ColumnMap = map });

        Assert.Equal("the header has two columns for family_name: 'surname' and 'family_name'", error);
    }

    [Fact]
    public void Open_HeaderNotUtf8_ReturnsFileError()
    {
        var bytes = Encoding.UTF8.GetBytes("registry,local_id,given_nam\u00e9\n").ToList();
        bytes[^3] = 0xE9;
        bytes.RemoveAt(bytes.Count - 2);

        var (_, error) = ReadBytes(bytes.ToArray());

        Assert.Equal("the header row (line 1) is not valid UTF-8 (byte 0xE9 at column 28)", error);
    }

    [Fact]
    public void Open_UnterminatedQuoteAtEndOfFile_ReportsTheLineWhereTheRecordStarts()
    {
        var content = "registry,local_id,given_name\nR,1,Ann\nR,2,\"Bob\nR,3,Cy\n";

        var (rows, _) = ReadText(content);

        Assert.Equal(["1"], rows.LocalIds());
        Assert.Equal(["line 3: the quoted field 3 is not closed before the end of the file"], rows.Errors());
    }

    [Fact]
    public void Open_StrayQuoteFollowedByManyRows_SkipsOnlyItsLine()
    {
        var text = new StringBuilder("registry,local_id,given_name\nR,1,\"Ann\n");
        for (var i = 2; i < 10_000; i++)
        {
            text.Append($"R,{i},Name{i}\n");
        }

        var (rows, _) = ReadText(text.ToString());

        Assert.Equal(
            [$"line 2: a quoted field is still open after {CanonicalCsvReader.MinRunawayQuoteBytes} bytes (a stray quote?); the line was skipped"],
            rows.Errors());
        Assert.Equal(9_998, rows.LocalIds().Count);
        Assert.Equal(3, rows[1].LineNumber);
        Assert.Equal("2", rows[1].Record!.LocalId);
    }

    [Fact]
    public void Open_TextAfterClosingQuote_ReportsTheField()
    {
        var content = "registry,local_id,given_name\nR,1,\"Ann\"ie\nR,2,Bob\n";

        var (rows, _) = ReadText(content);

        Assert.Equal(["2"], rows.LocalIds());
        Assert.Equal(["line 2: text after the closing quote of field 3"], rows.Errors());
    }

    [Fact]
    public void Open_StrayQuoteClosedLinesLater_NamesEveryLineItLeftOut()
    {
        var content = "registry,local_id,given_name,address_line\nR,1,Ann,x\nR,2,\"Bob,Lee\nR,3,Cy,y\nR,4,Di,\"9 High St\" Unit 2\nR,5,Ed,z\n";

        var (rows, _) = ReadText(content);

        Assert.Equal(["1", "5"], rows.LocalIds());
        Assert.Equal(["line 3: text after the closing quote of field 3, whose quote opened on line 3 (a stray quote?): " +
            "lines 3–5 were read as this one row and left out"], rows.Errors());
    }
}
