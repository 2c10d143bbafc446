using System.Globalization;
using System.Text;
using Mpi.Matching.Settings;

namespace Mpi.Tools.Reports;

/// <summary>The model's comparisons as one HTML table: each level's m, u and weight, as the scorer uses them.</summary>
internal static class ComparisonTable
{
    public static void Append(StringBuilder html, MatchModel model)
    {
        html.Append("<table class=\"comparisons\"><thead><tr><th>comparison</th><th>level</th><th>m</th><th>u</th><th>weight</th></tr></thead><tbody>\n");
        foreach (var comparison in model.Comparisons)
        {
            for (var i = 0; i < comparison.Levels.Length; i++)
            {
                var level = comparison.Levels[i];
                var name = i == 0
                    ? $"<th rowspan=\"{comparison.Levels.Length}\" title=\"{EvaluationReportHtml.E(comparison.Description)}\">{EvaluationReportHtml.E(comparison.Name)}" +
                      (comparison.TermFrequencyAdjusted ? "<br><small>exact u by name frequency</small>" : "") + "</th>"
                    : "";
                var weightClass = level.Weight > 0 ? "pos" : level.Weight < 0 ? "neg" : "";
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr>{name}<td>{EvaluationReportHtml.E(level.Label)}</td><td>{P(level.M)}</td><td>{P(level.U)}</td><td class=\"num {weightClass}\">{EvaluationReportHtml.F2(level.Weight)}</td></tr>\n");
            }
        }
        html.Append("</tbody></table>\n");
    }

    private static string P(double? p) => p is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "—";
}
