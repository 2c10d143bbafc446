using System.CommandLine;
using System.Globalization;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Scoring;
using Mpi.Service.Cli;
using Mpi.Service.Csv;
using Mpi.Tools.Reports;

namespace Mpi.Tools.Evaluation;

/// <summary>
/// <c>evaluate</c>: deduplicates a labelled file (the labels are read only to score the result, never to train)
/// and prints pairwise precision, recall, F1 and the counts; optionally a precision/recall-by-threshold table.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var truthColumn = new Option<string?>("--truth-column") { Description = "Column of the input that holds the true person of each record" };
        var truthFile = new Option<FileInfo?>("--truth") { Description = "Or a separate truth file: registry,local_id,person" };
        var model = CommonOptions.Model();
        var map = CommonOptions.Map();
        var table = new Option<FileInfo?>("--threshold-table") { Description = "Write precision/recall of candidate pairs by match-probability threshold (CSV)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Also write the clusters CSV" };
        var report = new Option<FileInfo?>("--report") { Description = "Write a self-contained HTML report: histogram, precision/recall curve, m/u per level, worst mistakes" };
        var showPhi = new Option<bool>("--show-phi") { Description = "Show patient values in the report's worst mistakes (masked by default)" };
        var command = new Command("evaluate", "Deduplicate a labelled file and report pairwise precision, recall and F1")
        {
            input, truthColumn, truthFile, model, map, table, output, report, showPhi,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(truthColumn) is null) == (r.GetValue(truthFile) is null))
                r.AddError("give exactly one of --truth-column and --truth");
        });
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(truthColumn), parse.GetValue(truthFile), parse.GetValue(model),
            parse.GetValue(map), parse.GetValue(table), parse.GetValue(output), Console.Out, Console.Error, TimeProvider.System,
            parse.GetValue(report), parse.GetValue(showPhi)));
        return command;
    }

    public static int Run(FileInfo input, string? truthColumn, FileInfo? truthFile, FileInfo? modelFile, string? map, FileInfo? table,
        FileInfo? output, TextWriter stdout, TextWriter errors, TimeProvider time, FileInfo? report = null, bool showPhi = false)
    {
        var batch = RecordLoader.Load(input, map, errors, time);
        if (batch is null) return ExitCodes.InputError;
        var (truth, error) = truthColumn is not null
            ? TruthColumnReader.Read(input.FullName, truthColumn, ColumnMap.Parse(map).Map)
            : TruthColumnReader.Read(truthFile!.FullName, "person", null);
        if (truth is null)
        {
            errors.WriteLine($"truth: {error}");
            return ExitCodes.InputError;
        }
        var missing = batch.Records.Count(r => !truth.ContainsKey((r.Registry, r.LocalId)));
        if (missing > 0)
        {
            errors.WriteLine($"truth: {missing} of {batch.Records.Count} records have no true person");
            return ExitCodes.InputError;
        }

        TermFrequencies.Apply(batch.Records);
        var model = ModelSource.LoadOrTrain(modelFile, batch.Records, errors, time);
        if (model is null) return ExitCodes.InputError;
        var result = ConsoleProgress.Run("Matching", batch.Records.Count,
            report => new BatchDeduplicator(model).Run(batch.Records, done => report(done), keepScoredPairs: table is not null || report is not null));
        if (output is not null) ClustersCsv.Write(output.FullName, batch.Records, result);

        var truthOf = batch.Records.Select(r => truth[(r.Registry, r.LocalId)]).ToArray();
        var predictedOf = result.Assignments.Select(a => ClustersCsv.PersonId(a.Cluster)).ToArray();
        var evaluation = PairwiseEvaluation.Compute(truthOf, predictedOf);
        var reviews = result.Assignments.Count(a => a.Decision == global::Mpi.Matching.Decisions.DecisionKind.Review);
        var reviewShare = (double)reviews / batch.Records.Count;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P={evaluation.Precision:F5} R={evaluation.Recall:F5} F1={evaluation.F1:F5} true_positive_pairs={evaluation.TruePositives} " +
            $"false_pairs={evaluation.FalsePositives} missed_pairs={evaluation.FalseNegatives} records={batch.Records.Count} " +
            $"review={reviewShare:F4} model={model.Version}"));
        if (table is not null) WriteThresholdTable(table, truthOf, result, evaluation);
        if (report is not null)
        {
            EvaluationReportHtml.Write(report.FullName,
                EvaluationReportBuilder.Build(batch.Records, truthOf, predictedOf, result, model, evaluation, reviewShare, showPhi));
            stdout.WriteLine($"report: {report.FullName}");
            // The file, not this output, holds the values; the warning is so that it is not mailed around like a masked one.
            if (showPhi) errors.WriteLine($"{report.Name}: shows patient values (--show-phi); keep it where patient data may be kept");
        }
        return ExitCodes.Success;
    }

    private static void WriteThresholdTable(FileInfo table, string[] truthOf, DeduplicationResult result, PairwiseEvaluation evaluation)
    {
        var scored = result.ScoredPairs!.Select(p => (p.Probability, truthOf[p.First] == truthOf[p.Second])).ToArray();
        var totalTruePairs = evaluation.TruePositives + evaluation.FalseNegatives;
        var thresholds = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
        using var csv = CsvWriter.Create(table.FullName);
        csv.WriteRow("threshold", "precision", "recall", "f1", "true_positive_pairs", "false_pairs", "missed_pairs");
        foreach (var point in PrecisionRecallByThreshold.Compute(scored, totalTruePairs, thresholds))
            csv.WriteRow(F(point.Threshold), F(point.Precision), F(point.Recall), F(point.F1),
                point.TruePositives.ToString(CultureInfo.InvariantCulture), point.FalsePositives.ToString(CultureInfo.InvariantCulture),
                point.FalseNegatives.ToString(CultureInfo.InvariantCulture));
    }

    private static string F(double x) => x.ToString("0.#####", CultureInfo.InvariantCulture);
}
