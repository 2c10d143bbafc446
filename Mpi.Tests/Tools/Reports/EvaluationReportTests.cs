using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mpi.Tools.Reports;

namespace Mpi.Tests.Tools.Reports;

public sealed partial class EvaluationReportTests
{
    [Fact]
    public void Evaluate_Febrl1WithReport_SummaryShowsThePrintedFigures()
    {
        var run = Febrl1Reports.Masked;

        Assert.Equal(run.PrintedFigure("P"), Summary(run.Html, "precision"));
        Assert.Equal(run.PrintedFigure("R"), Summary(run.Html, "recall"));
        Assert.Equal(run.PrintedFigure("F1"), Summary(run.Html, "f1"));
        Assert.Equal(run.PrintedFigure("true_positive_pairs"), Summary(run.Html, "true-positive-pairs"));
        Assert.Equal(run.PrintedFigure("false_pairs"), Summary(run.Html, "false-pairs"));
        Assert.Equal(run.PrintedFigure("missed_pairs"), Summary(run.Html, "missed-pairs"));
        Assert.Equal(run.PrintedFigure("records"), Summary(run.Html, "records"));
        Assert.Equal(run.PrintedFigure("model"), Summary(run.Html, "model-version", tag: "code"));
        Assert.Equal("500", Summary(run.Html, "true-persons"));
    }

    [Fact]
    public void Evaluate_WithReport_SaysWhereItWroteIt() =>
        Assert.Contains($"report: {Febrl1Reports.Masked.File.FullName}", Febrl1Reports.Masked.Printed);

    [Fact]
    public void Evaluate_Febrl1WithReport_HasEverySectionAndFigureData()
    {
        var html = Febrl1Reports.Masked.Html;

        foreach (var id in new[] { "summary", "histogram-section", "curve-section", "comparisons", "mistakes", "false-merges", "missed-links" })
            Assert.Contains($"id=\"{id}\"", html);
        Assert.Contains("<canvas id=\"histogram\"", html);
        Assert.Contains("<canvas id=\"precision-recall\"", html);
        foreach (var comparison in new[] { "given_name", "family_name", "birth_date", "location", "national_id" })
            Assert.Contains($">{comparison}", html);

        using var data = JsonDocument.Parse(ReportData().Match(html).Groups[1].Value);
        var histogram = data.RootElement.GetProperty("histogram").EnumerateArray().ToArray();
        var pairs = histogram.Sum(b => b.GetProperty("matches").GetInt64() + b.GetProperty("nonMatches").GetInt64());
        Assert.Equal(Summary(html, "candidate-pairs"), pairs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var curve = data.RootElement.GetProperty("curve").EnumerateArray().ToArray();
        Assert.Contains(curve, p => p.GetProperty("threshold").GetDouble() == 0.7);
        Assert.Contains(curve, p => p.GetProperty("threshold").GetDouble() == 0.1);
        Assert.All(curve, p => Assert.InRange(p.GetProperty("precision").GetDouble(), 0, 1));
    }

    [Fact]
    public void Evaluate_Febrl1WithReport_ListsTheMissedLinkWithItsExplanation()
    {
        var run = Febrl1Reports.Masked;

        // FEBRL1 under EM leaves one true pair apart and merges none wrongly (the printed counts say so).
        Assert.Equal("0", run.PrintedFigure("false_pairs"));
        Assert.Contains("No scored pair was merged wrongly.", run.Html);
        var missed = MissedLinks(run.Html);
        Assert.NotEmpty(PairCards().Matches(missed));
        Assert.Contains("<table class=\"explanation\">", missed);
        Assert.Contains(">prior<", missed);
    }

    [Fact]
    public void Evaluate_Febrl1WithReport_ReferencesNothingOutsideTheFile()
    {
        var html = Febrl1Reports.Masked.Html;

        Assert.DoesNotMatch(@"(?i)\b(src|href)\s*=", html);
        Assert.DoesNotContain("@import", html);
        // The only addresses are in Chart.js's own licence comment and code strings, inlined byte for byte.
        var outsideChartJs = html.Replace(ReportAssets.ChartJs, "", StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, Regex.Escape(ReportAssets.ChartJs)));
        Assert.DoesNotMatch("(?i)https?:", outsideChartJs);
    }

    private static string Summary(string html, string id, string tag = "dd") =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<{tag} id=\"{id}\">([^<]*)</{tag}>").Groups[1].Value);

    internal static string MissedLinks(string html) => html[html.IndexOf("id=\"missed-links\"", StringComparison.Ordinal)..html.IndexOf("<script", StringComparison.Ordinal)];

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ReportData();

    [GeneratedRegex("<article class=\"pair\"")]
    private static partial Regex PairCards();
}
