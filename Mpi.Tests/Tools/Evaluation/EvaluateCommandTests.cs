using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Mpi.Service.Cli;
using Mpi.Tools;
using Mpi.Tools.Evaluation;

namespace Mpi.Tests.Tools.Evaluation;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-evaluate-");
    private static readonly string Febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Run_Febrl1WithTruthFile_PrintsF1AndWritesTheThresholdTable()
    {
        var output = new StringWriter();
        var table = new FileInfo(Path.Combine(_folder.FullName, "pr.csv"));

        var exit = EvaluateCommand.Run(new FileInfo(Path.Combine(Febrl1, "records.csv")), null, new FileInfo(Path.Combine(Febrl1, "truth.csv")),
            null, null, table, null, output, TextWriter.Null, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(ExitCodes.Success, exit);
        var f1 = output.ToString().Split(' ').Single(w => w.StartsWith("F1=", StringComparison.Ordinal))[3..];
        Assert.True(double.Parse(f1, CultureInfo.InvariantCulture) >= 0.995, output.ToString());
        var rows = File.ReadAllLines(table.FullName);
        Assert.Equal("threshold,precision,recall,f1,true_positive_pairs,false_pairs,missed_pairs", rows[0]);
        Assert.Equal(100, rows.Length);
    }

    [Fact]
    public void Parse_ReportAndShowPhi_AreOptionsOfEvaluate()
    {
        var parse = ToolCommands.Create().Parse(["evaluate", "--input", "records.csv", "--truth", "truth.csv", "--report", "report.html", "--show-phi"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("report.html", parse.GetValue<FileInfo?>("--report")?.Name);
        Assert.True(parse.GetValue<bool>("--show-phi"));
        Assert.False(ToolCommands.Create().Parse(["evaluate", "--input", "r.csv", "--truth", "t.csv"]).GetValue<bool>("--show-phi"));
    }

    [Fact]
    public void Run_TruthColumnMissing_FailsNamingIt()
    {
        var errors = new StringWriter();
        var exit = EvaluateCommand.Run(new FileInfo(Path.Combine(Febrl1, "records.csv")), "cluster", null, null, null, null, null,
            TextWriter.Null, errors, TimeProvider.System);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("'cluster'", errors.ToString());
    }
}
