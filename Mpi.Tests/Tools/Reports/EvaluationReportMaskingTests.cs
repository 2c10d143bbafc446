using System.Net;
using System.Text.RegularExpressions;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Service.Cli;
using Mpi.Service.Matching;
using Mpi.Tools.Reports;

namespace Mpi.Tests.Tools.Reports;

public sealed partial class EvaluationReportMaskingTests
{
    private static readonly Lazy<IReadOnlyList<NormalizedRecord>> Records = new(() =>
    {
        var records = RecordLoader.Load(Febrl1Reports.Records, null, TextWriter.Null, TimeProvider.System)!.Records;
        TermFrequencies.Apply(records);
        return records;
    });

    [Fact]
    public void Evaluate_Febrl1Masked_HidesEveryNameDateAndIdOfTheShownPairs()
    {
        var html = Febrl1Reports.Masked.Html;

        var shown = ShownRecordIndices(html);
        Assert.NotEmpty(shown);
        AssertNoCellReveals(html, shown);
    }

    [Fact]
    public void Evaluate_Febrl1ShowPhi_ShowsTheValuesItWouldMask()
    {
        var html = Febrl1Reports.WithPhi.Html;

        var cells = RecordCells(html);
        foreach (var index in ShownRecordIndices(html))
        {
            var r = Records.Value[index];
            foreach (var value in new[] { r.LocalId, r.FamilyName, r.NationalId }.Where(v => v.Length > 0))
                Assert.Contains(value, cells);
        }
        Assert.Contains("patient values shown (--show-phi)", html);
        Assert.Contains("shows patient values", Febrl1Reports.WithPhi.Errors);
        Assert.DoesNotContain("shows patient values", Febrl1Reports.Masked.Errors);
        // The masking check itself can fail: on the unmasked report it does.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoCellReveals(html, ShownRecordIndices(html)));
    }

    [Fact]
    public void Build_TwentyOfEachMistake_HidesEveryNameDateAndIdOfTheShownPairs()
    {
        // A deliberately bad clustering of FEBRL1: every even record in one person, every odd one alone, so that
        // there are false merges and missed links aplenty and the report lists the full twenty of each.
        var records = Records.Value;
        var model = ActiveModel.Default();
        var result = new BatchDeduplicator(model).Run(records, keepScoredPairs: true);
        var truth = File.ReadLines(Path.Combine(Febrl1Reports.Records.DirectoryName!, "truth.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
        var truthOf = records.Select(r => truth[(r.Registry, r.LocalId)]).ToArray();
        var predictedOf = records.Select((_, i) => i % 2 == 0 ? "even" : $"odd-{i}").ToArray();

        var report = EvaluationReportBuilder.Build(records, truthOf, predictedOf, result, model,
            PairwiseEvaluation.Compute(truthOf, predictedOf), reviewShare: 0, showPhi: false);
        var html = EvaluationReportHtml.Render(report);

        Assert.Equal(EvaluationReportBuilder.DefaultShownPairs, report.FalseMerges.Count);
        Assert.Equal(EvaluationReportBuilder.DefaultShownPairs, report.MissedLinks.Count);
        var shown = ShownRecordIndices(html);
        Assert.True(shown.Count >= 40, $"{shown.Count} records shown");
        AssertNoCellReveals(html, shown);
    }

    // Field by field: a masked cell must not contain the value it stands for. (Across fields a two-character value
    // such as a house number may well turn up in a birth year, which is shown on purpose.)
    private static void AssertNoCellReveals(string html, IReadOnlyCollection<int> shown)
    {
        var checkedCells = 0;
        foreach (Match card in PairCard().Matches(html))
        {
            var records = new[] { Records.Value[int.Parse(card.Groups[1].Value)], Records.Value[int.Parse(card.Groups[2].Value)] };
            foreach (Match row in Row().Matches(card.Value))
            {
                for (var side = 0; side < 2; side++)
                {
                    var cell = WebUtility.HtmlDecode(row.Groups[2 + side].Value);
                    // A single letter is no secret; every longer value must be gone.
                    foreach (var secret in Secrets(records[side], row.Groups[1].Value).Where(v => v.Length > 1))
                    {
                        Assert.False(cell.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{row.Groups[1].Value} '{secret}' is shown");
                        checkedCells++;
                    }
                }
            }
        }
        Assert.True(checkedCells >= shown.Count * 5, $"only {checkedCells} cells checked for {shown.Count} records");
    }

    private static string[] Secrets(NormalizedRecord r, string field) => field switch
    {
        "local_id" => [r.LocalId],
        "given_name" => [r.GivenName],
        "middle_name" => [r.MiddleName],
        "family_name" => [r.FamilyName],
        "birth_date" => r.HasBirthDate ? [r.BirthDigits, $"{r.BirthYear:D4}-{r.BirthMonth:D2}-{r.BirthDay:D2}"] : [],
        "address_line" => [r.AddressLine],
        "city" => [r.City],
        "postal_code" => [r.PostalCode],
        "phone" => [r.Phone],
        "email" => [r.Email],
        "national_id" => [r.NationalId],
        _ => [],
    };

    private static List<int> ShownRecordIndices(string html) =>
        PairAttributes().Matches(html).SelectMany(m => new[] { int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value) }).Distinct().ToList();

    private static List<string> RecordCells(string html) =>
        RecordTables().Matches(html).SelectMany(t => Cell().Matches(t.Value)).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToList();

    [GeneratedRegex("<article class=\"pair\" data-first=\"(\\d+)\" data-second=\"(\\d+)\">")]
    private static partial Regex PairAttributes();

    [GeneratedRegex("<table class=\"records\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex RecordTables();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<article class=\"pair\" data-first=\"(\\d+)\" data-second=\"(\\d+)\">.*?</article>", RegexOptions.Singleline)]
    private static partial Regex PairCard();

    [GeneratedRegex("<tr(?: class=\"same\")?><th>(\\w+)</th><td>(.*?)</td><td>(.*?)</td></tr>")]
    private static partial Regex Row();
}
