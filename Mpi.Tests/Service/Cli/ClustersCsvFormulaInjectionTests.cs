using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Mpi.Service.Cli;
using Mpi.Tools.Evaluation;

namespace Mpi.Tests.Service.Cli;

/// <summary>
/// A clusters file is opened in spreadsheets (issue: hardening, CSV injection): local ids a registry sent that would
/// run as formulas are written after a single quote, then quoted as usual; the program's own cells are untouched.
/// The real verbs, real files.
/// </summary>
public sealed class ClustersCsvFormulaInjectionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-formula-");
    private readonly StringWriter _out = new(), _errors = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Each local id as the input file holds it, and the cell the clusters file must hold for it.</summary>
    private static readonly (string Input, string Cell)[] LocalIds =
    [
        ("\"=cmd|' /C calc'!A0\"", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("-2+3", "'-2+3"),
        ("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("rec-6", "rec-6"),
    ];

    public void Dispose() => _folder.Delete(recursive: true);

    private FileInfo Input()
    {
        var text = new StringBuilder("registry,local_id,given_name,family_name,birth_date,postal_code,person\n");
        for (var i = 0; i < LocalIds.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"A,{LocalIds[i].Input},Given{(char)('A' + i)},Family{(char)('A' + i)},19{60 + i}-0{i + 1}-1{i},{2000 + i},T{i}\n");
        var path = Path.Combine(_folder.FullName, "records.csv");
        File.WriteAllText(path, text.ToString());
        return new FileInfo(path);
    }

    private FileInfo Output => new(Path.Combine(_folder.FullName, "clusters.csv"));

    [Fact]
    public void Dedupe_LocalIdsThatStartFormulas_AreWrittenAsTextAndScoresAsNumbers()
    {
        var exit = DedupeCommand.Run(Input(), Output, null, null, null, _out, _errors, _time);

        Assert.Equal(ExitCodes.Success, exit);
        AssertCells(File.ReadAllLines(Output.FullName));
    }

    [Fact]
    public void Evaluate_LocalIdsThatStartFormulas_AreWrittenAsTextAndScoresAsNumbers()
    {
        var exit = EvaluateCommand.Run(Input(), "person", null, null, null, null, Output, _out, _errors, _time);

        Assert.Equal(ExitCodes.Success, exit);
        AssertCells(File.ReadAllLines(Output.FullName));
    }

    private static void AssertCells(string[] lines)
    {
        Assert.Equal("registry,local_id,person_id,decision,score", lines[0]);
        Assert.Equal(LocalIds.Length + 1, lines.Length);
        for (var i = 0; i < LocalIds.Length; i++)
        {
            var expectedStart = $"A,{LocalIds[i].Cell},P";
            Assert.StartsWith(expectedStart, lines[i + 1], StringComparison.Ordinal);
            var programCells = lines[i + 1][(expectedStart.Length - 1)..].Split(',');
            Assert.Matches("^P[0-9]{7}$", programCells[0]);
            Assert.Equal("new", programCells[1]);
            Assert.True(double.TryParse(programCells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _), programCells[2]);
        }
    }
}
