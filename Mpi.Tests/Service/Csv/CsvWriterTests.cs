using Mpi.Matching.Records;
using Mpi.Service.Csv;

namespace Mpi.Tests.Service.Csv;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData(" spaced ", " spaced ")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData("\"", "\"\"\"\"")]
    public void Escape_Value_QuotesOnlyWhenNeeded(string? value, string expected)
    {
        Assert.Equal(expected, CsvWriter.Escape(value));
    }

    [Fact]
    public void WriteRow_BatchOutputColumns_WritesCrLfRowsWithEscaping()
    {
        using var text = new StringWriter();
        using (var csv = new CsvWriter(text, leaveOpen: true))
        {
            csv.WriteRow("registry", "local_id", "person_id", "decision", "score");
            csv.WriteRow("NORTH_HOSP", "A,1", "P\"7", "auto_link", "0.98");
            csv.WriteRow("GP_NET", "2", null, "new", "");
        }

        Assert.Equal(
            "registry,local_id,person_id,decision,score\r\n" +
            "NORTH_HOSP,\"A,1\",\"P\"\"7\",auto_link,0.98\r\n" +
            "GP_NET,2,,new,\r\n",
            text.ToString());
    }

    [Fact]
    public void Write_Record_WritesCanonicalHeaderThenFieldsInColumnOrder()
    {
        using var text = new StringWriter();
        using (var writer = new CanonicalCsvWriter(text, leaveOpen: true))
        {
            writer.Write(new PatientRecord("R", "1")
            {
                GivenName = "g", MiddleName = "m", FamilyName = "f", Suffix = "s", BirthDate = "b", Sex = "x",
                AddressLine = "a1", AddressLine2 = "a2", City = "c", State = "st", PostalCode = "p", Phone = "ph",
                Email = "e", NationalId = "n",
                Identifiers = new RecordIdentifiers([new RecordIdentifier("MR", "", "77"), new RecordIdentifier("NH", "AU-HIC", "2951 12345 1")]),
            });
        }

        Assert.Equal(
            string.Join(",", CanonicalColumns.InFiles) + "\r\n" + "R,1,g,m,f,s,b,x,a1,a2,c,st,p,ph,e,n,MR||77;NH|AU-HIC|2951 12345 1\r\n",
            text.ToString());
    }
}
