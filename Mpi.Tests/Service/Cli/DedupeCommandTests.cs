using System.Text;
using Microsoft.Extensions.Time.Testing;
using Mpi.Service.Cli;

namespace Mpi.Tests.Service.Cli;

/// <summary>The dedupe verb end to end on real files: bad rows are reported with line numbers, good rows go through.</summary>
public sealed class DedupeCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-dedupe-");
    private readonly StringWriter _out = new(), _errors = new();

    private const string Header = "registry,local_id,given_name,family_name,birth_date,address_line,city,postal_code,national_id";

    public void Dispose() => _folder.Delete(recursive: true);

    private int Run(byte[] content, string? map = null)
    {
        var input = Path.Combine(_folder.FullName, "records.csv");
        File.WriteAllBytes(input, content);
        return DedupeCommand.Run(new FileInfo(input), new FileInfo(Output), null, null, map, _out, _errors,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));
    }

    private string Output => Path.Combine(_folder.FullName, "clusters.csv");

    private string[] OutputRows => File.ReadAllLines(Output);

    [Fact]
    public void Run_MalformedRows_AreReportedWithLineNumbersAndTheRestGoThrough()
    {
        var text = new StringBuilder()
            .AppendLine(Header)
            .AppendLine("A,1,Margaret,Thompson,1961-04-23,12 Wallaby Place,Delmar,2119,406662512")         // line 2
            .AppendLine("A,2,only,three")                                                                 // line 3: wrong columns
            .AppendLine("B,7,Margret,Thomson,23/04/1961,12 Walaby Pl,Delmar,2119,406662512")              // line 4
            .AppendLine("B,,Nobody,Nowhere,1970-01-01,,,,")                                                // line 5: no local_id
            .AppendLine($"B,8,{new string('X', 10_000)},Long,1970-01-01,,,,")                             // line 6: 10,000-char name
            .AppendLine("B,9,Peter,Bad-Date,1985-02-30,1 Other St,Richlands,4560,551234987")             // line 7: impossible date
            .ToString();
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var bad = Encoding.UTF8.GetBytes("C,10,Jos").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(",Garcia,1990-01-01,,,,\n"));
        bytes.AddRange(bad);                                                                                 // line 8: not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("C,11,Ann,Lee,1990-05-06,3 Hill Rd,Hull,3000,\n"));            // line 9

        var exit = Run([.. bytes]);

        Assert.Equal(ExitCodes.SomeRowsRejected, exit);
        var errors = _errors.ToString();
        Assert.Contains("line 3:", errors);
        Assert.Contains("line 5:", errors);
        Assert.Contains("line 6:", errors);
        Assert.Contains("line 8:", errors);
        Assert.DoesNotContain("line 7:", errors);
        Assert.Equal("registry,local_id,person_id,decision,score", OutputRows[0]);
        var keys = OutputRows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))).ToArray();
        Assert.Equal(["A,1", "B,7", "B,9", "C,11"], keys);
        var person = OutputRows.Skip(1).ToDictionary(r => string.Join(',', r.Split(',').Take(2)), r => r.Split(',')[2]);
        Assert.Equal(person["A,1"], person["B,7"]);
        Assert.NotEqual(person["A,1"], person["B,9"]);
        Assert.Contains("rejected_rows=4", _out.ToString());
        Assert.Contains("birth_date: impossible date", _out.ToString());
        Assert.DoesNotContain("1985-02-30", _out.ToString());
    }

    [Fact]
    public void Run_EmptyFile_FailsWithAClearMessageAndWritesNothing()
    {
        Assert.Equal(ExitCodes.InputError, Run([]));
        Assert.Contains("empty", _errors.ToString());
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Run_HeaderWithoutLocalId_FailsNamingTheColumn()
    {
        Assert.Equal(ExitCodes.InputError, Run(Encoding.UTF8.GetBytes("registry,given_name\nA,Ann\n")));
        Assert.Contains("local_id", _errors.ToString());
    }

    [Fact]
    public void Run_FebrlHeadersWithMap_ReadsTheRenamedColumns()
    {
        var text = "registry, rec_id, given_name, surname, date_of_birth\nF,rec-1-org, ann, lee, 19900506\nF,rec-1-dup-0, ann, lee, 19900506\n";
        var exit = Run(Encoding.UTF8.GetBytes(text), "rec_id=local_id,surname=family_name,date_of_birth=birth_date");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(3, OutputRows.Length);
    }

    [Fact]
    public void Run_InputDoesNotExist_FailsWithAClearMessage()
    {
        var exit = DedupeCommand.Run(new FileInfo(Path.Combine(_folder.FullName, "missing.csv")), new FileInfo(Output), null, null, null,
            _out, _errors, TimeProvider.System);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("missing.csv: no such file", _errors.ToString());
    }
}
