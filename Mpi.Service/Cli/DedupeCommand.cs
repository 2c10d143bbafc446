using System.CommandLine;
using Mpi.Matching.Decisions;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Scoring;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>dedupe</c>: reads a canonical CSV, trains the model on it by EM when none is given, and writes one
/// <c>registry,local_id,person_id,decision,score</c> row per readable input row.
/// </summary>
internal static class DedupeCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var output = new Option<FileInfo>("--output", "-o") { Description = "Clusters CSV to write", Required = true };
        var model = CommonOptions.Model();
        var modelOut = CommonOptions.ModelOut();
        var map = CommonOptions.Map();
        var command = new Command("dedupe", "Deduplicate a CSV file: one person id per record") { input, output, model, modelOut, map };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(modelOut),
            parse.GetValue(map), Console.Out, Console.Error, TimeProvider.System));
        return command;
    }

    public static int Run(FileInfo input, FileInfo output, FileInfo? modelFile, FileInfo? modelOut, string? map, TextWriter stdout,
        TextWriter errors, TimeProvider time)
    {
        var phases = new PhaseTimes();
        var batch = phases.Time("read", () => RecordLoader.Load(input, map, errors, time));
        if (batch is null) return ExitCodes.InputError;
        TermFrequencies.Apply(batch.Records);
        var model = phases.Time("train", () => ModelSource.LoadOrTrain(modelFile, batch.Records, errors, time));
        if (model is null) return ExitCodes.InputError;
        if (modelOut is not null) ModelSource.Save(model, modelOut);

        var result = phases.Time("match", () => ConsoleProgress.Run("Matching", batch.Records.Count,
            report => new BatchDeduplicator(model).Run(batch.Records, done => report(done))));
        phases.Time("write", () => ClustersCsv.Write(output.FullName, batch.Records, result));

        BatchSummary.Print(stdout, batch, model, result, phases);
        return batch.RejectedRows == 0 ? ExitCodes.Success : ExitCodes.SomeRowsRejected;
    }
}
