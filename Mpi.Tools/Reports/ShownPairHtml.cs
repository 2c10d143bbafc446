using System.Globalization;
using System.Text;
using Mpi.Matching.Scoring;

namespace Mpi.Tools.Reports;

/// <summary>One wrongly decided pair as an HTML card: probability, both records side by side, and the score's waterfall.</summary>
internal static class ShownPairHtml
{
    public static void Append(StringBuilder html, ShownPair pair)
    {
        var e = pair.Explanation;
        var guard = e.Guard == PairGuard.None ? "" : $" · guard: {(e.Guard == PairGuard.CannotLink ? "cannot link" : "at most review")}";
        // A deterministic rule links at probability 1 whatever the weights say; say so, or the two figures disagree.
        if (pair.Mistake.Probability >= 1 && e.Probability < 1) guard += " · linked by a deterministic rule";
        html.Append(CultureInfo.InvariantCulture,
            $"<article class=\"pair\" data-first=\"{pair.Mistake.First}\" data-second=\"{pair.Mistake.Second}\">\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"pair-score\">probability <strong class=\"probability\">{pair.Mistake.Probability:0.00000}</strong> · weight {EvaluationReportHtml.F2(e.MatchWeight)}{guard}</p>\n");
        html.Append("<table class=\"records\"><thead><tr><th>field</th><th>record A</th><th>record B</th></tr></thead><tbody>\n");
        for (var i = 0; i < pair.First.Fields.Count; i++)
        {
            var (field, a) = pair.First.Fields[i];
            var b = pair.Second.Fields[i].Value;
            if (a.Length == 0 && b.Length == 0) continue;
            var same = pair.SameValue[i] ? " class=\"same\"" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr{same}><th>{field}</th><td>{EvaluationReportHtml.E(a)}</td><td>{EvaluationReportHtml.E(b)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n<table class=\"explanation\"><thead><tr><th>comparison</th><th>level</th><th>weight</th></tr></thead><tbody>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>prior</th><td></td><td class=\"num\">{EvaluationReportHtml.F2(e.PriorWeight)}</td></tr>\n");
        foreach (var c in e.Comparisons)
        {
            var weightClass = c.Weight > 0 ? "pos" : c.Weight < 0 ? "neg" : "";
            var tf = c.TermFrequencyAdjusted ? " <small>(name frequency)</small>" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th>{EvaluationReportHtml.E(c.Comparison)}</th><td>{EvaluationReportHtml.E(c.Label)}{tf}</td><td class=\"num {weightClass}\">{EvaluationReportHtml.F2(c.Weight)}</td></tr>\n");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<tr class=\"total\"><th>total</th><td></td><td class=\"num\">{EvaluationReportHtml.F2(e.MatchWeight)}</td></tr>\n</tbody></table>\n</article>\n");
    }
}
