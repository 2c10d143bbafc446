using Microsoft.Extensions.Time.Testing;
using Mpi.Service.Cli;
using Mpi.Tools.Evaluation;

namespace Mpi.Tests.Tools.Reports;

/// <summary>
/// The evaluation reports of FEBRL1, masked and with <c>--show-phi</c>, each written once by the real
/// <c>evaluate</c> verb and shared by the report tests (one run costs a few seconds). They stay in the test output
/// folder so that a failing test leaves the file to look at.
/// </summary>
internal static class Febrl1Reports
{
    private static readonly string Febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
    private static readonly Lazy<ReportRun> MaskedRun = new(() => Run(showPhi: false));
    private static readonly Lazy<ReportRun> PhiRun = new(() => Run(showPhi: true));

    public static ReportRun Masked => MaskedRun.Value;
    public static ReportRun WithPhi => PhiRun.Value;

    public static FileInfo Records => new(Path.Combine(Febrl1, "records.csv"));

    private static ReportRun Run(bool showPhi)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "reports"));
        var report = new FileInfo(Path.Combine(folder.FullName, showPhi ? "febrl1-phi.html" : "febrl1.html"));
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = EvaluateCommand.Run(Records, null, new FileInfo(Path.Combine(Febrl1, "truth.csv")), null, null, null, null, output,
            errors, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)), report, showPhi);
        if (exit != ExitCodes.Success) throw new InvalidOperationException($"evaluate exited with {exit}");
        return new ReportRun(report, output.ToString(), errors.ToString(), File.ReadAllText(report.FullName));
    }
}

/// <summary>A written report, what <c>evaluate</c> printed beside it (and on standard error), and the HTML.</summary>
internal sealed record ReportRun(FileInfo File, string Printed, string Errors, string Html)
{
    /// <summary>A figure from the printed line, e.g. <c>F1</c> → "0.99900".</summary>
    public string PrintedFigure(string name) =>
        Printed.Split(' ', '\n').Single(w => w.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
}
