using System.Reflection;

namespace Mpi.Tools.Reports;

/// <summary>
/// The script and style the report inlines, embedded in this assembly so that a report is one file that opens with
/// no network and no other file: Chart.js (the review UI's copy, MIT, with its licence) and the report's own code.
/// </summary>
internal static class ReportAssets
{
    public static string ChartJs => Read("chart.umd.min.js");
    public static string ChartJsLicence => Read("chart.js.LICENSE.md");
    public static string Script => Read("evaluation-report.js");
    public static string Style => Read("evaluation-report.css");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Mpi.Tools.Reports.{name}")
            ?? throw new InvalidOperationException($"the build lost the embedded report asset {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
