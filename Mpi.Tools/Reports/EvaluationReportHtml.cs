using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Scoring;

namespace Mpi.Tools.Reports;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as one self-contained HTML file: tables rendered here, charts drawn in the
/// browser by the inlined Chart.js from data in a JSON block. Nothing is fetched: no link, image or script points
/// anywhere outside the file.
/// </summary>
internal static class EvaluationReportHtml
{
    public static void Write(string path, EvaluationReport report) => File.WriteAllText(path, Render(report), new UTF8Encoding(false));

    public static string Render(EvaluationReport report)
    {
        var s = report.Summary;
        var t = report.Model.Thresholds;
        var html = new StringBuilder(capacity: 300_000);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Evaluation report · model {E(report.Model.Version)}</title>
            <style>{ReportAssets.Style}</style>
            </head>
            <body>
            <header>
            <h1>Evaluation report</h1>
            <p>Model <code id="model-version">{E(report.Model.Version)}</code> · {E(report.Model.Description)} ·
            {(report.ShowsPhi ? "<strong class=\"phi-shown\">patient values shown (--show-phi)</strong>" : "patient values masked")}</p>
            </header>
            <section id="summary">
            <h2>Summary at the current thresholds</h2>
            <dl>
            {Item("records", "records", s.Records)}
            {Item("true-persons", "persons in the truth", s.TruePersons)}
            {Item("predicted-persons", "persons made", s.PredictedPersons)}
            {Item("candidate-pairs", "candidate pairs scored", s.CandidatePairs)}
            {Item("precision", "precision", F5(s.Evaluation.Precision))}
            {Item("recall", "recall", F5(s.Evaluation.Recall))}
            {Item("f1", "F1", F5(s.Evaluation.F1))}
            {Item("true-positive-pairs", "true pairs linked", s.Evaluation.TruePositives)}
            {Item("false-pairs", "false pairs linked", s.Evaluation.FalsePositives)}
            {Item("missed-pairs", "true pairs missed", s.Evaluation.FalseNegatives)}
            {Item("review-share", "records sent to review", s.ReviewShare.ToString("P2", CultureInfo.InvariantCulture))}
            {Item("auto-link-threshold", "auto-link at probability ≥", t.AutoLink)}
            {Item("review-threshold", "review at probability ≥", t.Review)}
            </dl>
            <p class="note">Pairwise: every two records put in one person are a link. Precision, recall and F1 are those
            <code>evaluate</code> prints; the labels are read only to score, never to train.</p>
            </section>
            <section id="histogram-section">
            <h2>Candidate pairs by match weight and truth</h2>
            <div class="chart"><canvas id="histogram" role="img" aria-label="Histogram of candidate pairs by match weight, true matches and non-matches, with the thresholds marked"></canvas></div>
            <p class="note">Match weight is log2 of the odds (probability 0.5 is weight 0); counts on a log scale. The
            vertical lines are the auto-link and review thresholds. Weights beyond ±30 (rule links) sit in the end bars.</p>
            </section>
            <section id="curve-section">
            <h2>Precision and recall of candidate pairs by probability threshold</h2>
            <div class="chart"><canvas id="precision-recall" role="img" aria-label="Precision, recall and F1 by probability threshold, with the thresholds marked"></canvas></div>
            <p class="note">Every candidate pair at or above the threshold counted as a link, before clustering; true pairs
            blocking never proposed count as missed at every threshold.</p>
            </section>
            <section id="comparisons">
            <h2>Comparisons: m, u and weight of each level</h2>
            <p class="note">Prior weight {F2(PairScorer.PriorWeightOf(report.Model.MatchPrior))} (match prior {report.Model.MatchPrior:G4}).
            m = P(level | same person), u = P(level | different people), weight = log2(m/u).</p>
            """);
        ComparisonTable.Append(html, report.Model);
        html.Append(CultureInfo.InvariantCulture, $"""
            </section>
            <section id="mistakes">
            <h2>Worst mistakes</h2>
            <p class="note">Scored candidate pairs only, each with its own probability: a false merge below the
            auto-link threshold was joined through other records of the person, and a true pair blocking never put
            forward has no score to show (the summary counts both). Values are those the comparisons saw, after
            normalisation; green marks a field on which the two records agree.</p>
            <div class="columns">
            <div id="false-merges">
            <h3>False merges: most confident first ({report.FalseMerges.Count} of {s.FalseMergesScored} scored)</h3>
            """);
        AppendPairs(html, report.FalseMerges, "No scored pair was merged wrongly.");
        html.Append(CultureInfo.InvariantCulture, $"""
            </div>
            <div id="missed-links">
            <h3>Missed links: least likely first ({report.MissedLinks.Count} of {s.MissedLinksScored} scored)</h3>
            """);
        AppendPairs(html, report.MissedLinks, "No scored true pair was left apart.");
        html.Append(CultureInfo.InvariantCulture, $"""
            </div>
            </div>
            </section>
            <script type="application/json" id="report-data">{ChartData(report)}</script>
            <script>
            /* Chart.js, inlined under its licence:
            {ReportAssets.ChartJsLicence}
            */
            {ReportAssets.ChartJs}
            </script>
            <script>{ReportAssets.Script}</script>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static void AppendPairs(StringBuilder html, IReadOnlyList<ShownPair> pairs, string none)
    {
        if (pairs.Count == 0) html.Append(CultureInfo.InvariantCulture, $"<p class=\"note none\">{E(none)}</p>\n");
        foreach (var pair in pairs) ShownPairHtml.Append(html, pair);
    }

    // System.Text.Json escapes <, > and & by default, so the data cannot close its script element.
    private static string ChartData(EvaluationReport report) => JsonSerializer.Serialize(new
    {
        thresholds = new
        {
            autoLink = report.Model.Thresholds.AutoLink,
            review = report.Model.Thresholds.Review,
            autoLinkWeight = ScoreHistogram.WeightOf(report.Model.Thresholds.AutoLink),
            reviewWeight = ScoreHistogram.WeightOf(report.Model.Thresholds.Review),
        },
        histogram = report.Histogram.Select(b => new { from = b.From, to = b.To, matches = b.TrueMatches, nonMatches = b.NonMatches }),
        curve = report.Curve.Select(p => new { threshold = p.Threshold, precision = p.Precision, recall = p.Recall, f1 = p.F1 }),
    });

    private static string Item(string id, string label, object value) =>
        $"<div><dt>{E(label)}</dt><dd id=\"{id}\">{E(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}</dd></div>";

    internal static string E(string text) => WebUtility.HtmlEncode(text);
    internal static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
    internal static string F5(double x) => x.ToString("F5", CultureInfo.InvariantCulture);
}
