using System.Text;
using Mpi.Matching.Records;
using Mpi.Service.Csv;
using static Mpi.Tests.Service.Csv.CsvTestReading;

namespace Mpi.Tests.Service.Csv;

public sealed class CanonicalCsvReaderTests
{
    private static readonly string CanonicalHeader = string.Join(",", CanonicalColumns.All);

    [Fact]
    public void Open_CanonicalFile_ReturnsEveryRecordWithItsFields()
    {
        var content =
            CanonicalHeader + "\n" +
            "NORTH_HOSP,1,John,Q,Smith,JR,1980-02-29,M,12 High St,Unit 4,Springfield,VIC,3000,0412345678,j@x.example,123456782\n" +
            "SOUTH_LAB,2,Mary,,Jones,,,F,,,,,,,,\n";

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.True(row.Succeeded));
        var john = rows[0].Record!;
        Assert.Equal(2, rows[0].LineNumber);
        Assert.Equal(
            new PatientRecord("NORTH_HOSP", "1")
            {
                GivenName = "John", MiddleName = "Q", FamilyName = "Smith", Suffix = "JR", BirthDate = "1980-02-29",
                Sex = "M", AddressLine = "12 High St", AddressLine2 = "Unit 4", City = "Springfield", State = "VIC",
                PostalCode = "3000", Phone = "0412345678", Email = "j@x.example", NationalId = "123456782",
            },
            john);
        var mary = rows[1].Record!;
        Assert.Equal(3, rows[1].LineNumber);
        Assert.Equal(("SOUTH_LAB", "2", "Mary", "Jones", "F"), (mary.Registry, mary.LocalId, mary.GivenName, mary.FamilyName, mary.Sex));
        Assert.Null(mary.MiddleName);
        Assert.Null(mary.BirthDate);
        Assert.Null(mary.NationalId);
    }

    [Fact]
    public void Open_HeaderInOtherCaseWithUnknownColumnsAndFewerColumns_BindsKnownOnes()
    {
        var content = " Local_ID ,favourite_colour,REGISTRY, Given_Name\nA1,blue,GP_NET,  Ann  \n";

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        var record = Assert.Single(rows).Record!;
        Assert.Equal(new PatientRecord("GP_NET", "A1") { GivenName = "Ann" }, record);
    }

    [Fact]
    public void Open_FebrlHeaderWithSpacesAndColumnMap_RenamesColumns()
    {
        var content =
            "registry, rec_id, given_name, surname, street_number, address_1, suburb, postcode, state, date_of_birth, soc_sec_id\n" +
            "F3, rec-1-org, kate, brown, 12, main street, kew, 3101, vic, 19700812, 1234567\n" +
            "F3, rec-1-dup-0, kate, browne, 12, main st, kew, 3101, vic, 19700812, 1234567\n";
        var map = ColumnMap.Parse(
            "rec_id=local_id,surname=family_name,address_1=address_line,suburb=city,postcode=postal_code," +
            "date_of_birth=birth_date,soc_sec_id=national_id");
        Assert.True(map.Succeeded, map.Error);

        var (rows, error) = ReadText(content, new CsvReadOptions { ColumnMap = map.Map });

        Assert.Null(error);
        Assert.Equal(["rec-1-org", "rec-1-dup-0"], rows.LocalIds());
        var first = rows[0].Record!;
        Assert.Equal(
            new PatientRecord("F3", "rec-1-org")
            {
                GivenName = "kate", FamilyName = "brown", AddressLine = "main street", City = "kew", PostalCode = "3101",
                State = "vic", BirthDate = "19700812", NationalId = "1234567",
            },
            first);
    }

    [Fact]
    public void Open_QuotedFieldsWithCommasQuotesAndLineBreaks_UnquotesAndCountsPhysicalLines()
    {
        var content =
            "registry,local_id,given_name,address_line\r\n" +
            "R,1,\"Smith, Jr\",\"12 \"\"The Elms\"\"\"\r\n" +
            "R,2,Ann,\"Flat 3\r\n12 High St\nRear\"\r\n" +
            "R,3, \"spaced\" ,\"\"\r\n" +
            "R,4,\"\",plain\r\n";

        var (rows, error) = ReadText(content);

        Assert.Null(error);
        Assert.Equal([2, 3, 6, 7], rows.Select(row => row.LineNumber));
        Assert.Equal("Smith, Jr", rows[0].Record!.GivenName);
        Assert.Equal("12 \"The Elms\"", rows[0].Record!.AddressLine);
        Assert.Equal("Flat 3\r\n12 High St\nRear", rows[1].Record!.AddressLine);
        Assert.Equal("spaced", rows[2].Record!.GivenName);
        Assert.Null(rows[2].Record!.AddressLine);
        Assert.Null(rows[3].Record!.GivenName);
    }

    [Fact]
    public void Open_CrLfAndLfAndNoFinalLineBreak_ReadTheSame()
    {
        var lf = ReadText("registry,local_id,given_name\nR,1,Ann\nR,2,Bob\n").Rows;
        var crlf = ReadText("registry,local_id,given_name\r\nR,1,Ann\r\nR,2,Bob\r\n").Rows;
        var unterminated = ReadText("registry,local_id,given_name\r\nR,1,Ann\r\nR,2,Bob").Rows;

        Assert.Equal(lf, crlf);
        Assert.Equal(lf, unterminated);
        Assert.Equal("Bob", lf[1].Record!.GivenName);
    }

    [Fact]
    public void Open_ByteOrderMarkAndBlankLines_AreSkippedButCounted()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("\nregistry,local_id\n\nR,1\n   \nR,2\n\n"))
            .ToArray();

        var (rows, error) = ReadBytes(bytes);

        Assert.Null(error);
        Assert.Equal([4, 6], rows.Select(row => row.LineNumber));
        Assert.Equal(["1", "2"], rows.LocalIds());
    }

    [Fact]
    public void Open_HeaderOnly_ReturnsNoRows()
    {
        var (rows, error) = ReadText(CanonicalHeader + "\r\n");

        Assert.Null(error);
        Assert.Empty(rows);
    }

    [Fact]
    public void Open_FileLargerThanTheReadBuffer_ReadsEveryRowWithItsLineNumber()
    {
        var text = new StringBuilder("registry,local_id,given_name,address_line\n");
        var expectedLines = new List<int>();
        var line = 2;
        for (var i = 0; i < 40_000; i++)
        {
            expectedLines.Add(line);
            if (i % 7 == 0)
            {
                text.Append($"REG,{i},\"Name, {i}\",\"line one\nline two {i}\"\n");
                line += 2;
            }
            else
            {
                text.Append($"REG,{i},Name{i},{new string('x', i % 50)}\n");
                line += 1;
            }
        }

        var (rows, error) = ReadText(text.ToString());

        Assert.Null(error);
        Assert.Equal(expectedLines, rows.Select(row => row.LineNumber));
        Assert.All(rows, row => Assert.True(row.Succeeded, row.Error));
        Assert.Equal("Name, 39998", rows[39_998].Record!.GivenName);
        Assert.Equal("line one\nline two 39998", rows[39_998].Record!.AddressLine);
    }

    [Fact]
    public void Rows_Enumerated_BytesConsumedReachesTotalBytes()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.WriteText("input.csv", "registry,local_id\nR,1\nR,2\n");
        var result = CanonicalCsvReader.Open(path, CsvReadOptions.Default);
        Assert.True(result.Succeeded);
        var rows = result.Rows;
        Assert.Equal(26, rows.TotalBytes);
        Assert.Equal(18, rows.BytesConsumed);

        var consumedAfterEachRow = rows.Select(_ => rows.BytesConsumed).ToList();

        Assert.Equal([22, 26], consumedAfterEachRow);
        Assert.Equal(["registry", "local_id"], rows.Headers);
    }

    [Fact]
    public void Rows_EnumeratedTwice_YieldsTheSameRows()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.WriteText("input.csv", "registry,local_id\nR,1\nR,2\n");
        var rows = CanonicalCsvReader.Open(path, CsvReadOptions.Default).Rows!;

        Assert.Equal(rows.ToList(), rows.ToList());
    }
}
