using System.CommandLine;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>dedupe</c>: reads a canonical CSV, trains the model on it by EM when none is given, and writes one
/// <c>registry,local_id,person_id,decision,score</c> row per readable input row. With <c>--database</c> it clusters
/// the service's records instead, under its active model, and never puts a record with a person it is marked as not
/// (a what-if for stewards: nothing in the file changes).
/// </summary>
internal static class DedupeCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input", "-i")
        {
            Description = "CSV file with the canonical columns (header row required; registry and local_id mandatory)",
        };
        var database = new Option<string?>("--database")
        {
            Description = "Or the service's database (its SQLite file or PostgreSQL connection string): its records under its active model, its \"not the same person\" marks respected (read only)",
        };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Clusters CSV to write", Required = true };
        var model = CommonOptions.Model();
        var modelOut = CommonOptions.ModelOut();
        var map = CommonOptions.Map();
        var command = new Command("dedupe", "Deduplicate a CSV file (or the service's records): one person id per record") { input, database, output, model, modelOut, map };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(input) is null) == (r.GetValue(database) is null)) r.AddError("give exactly one of --input and --database");
            if (r.GetValue(database) is not null && r.GetValue(map) is not null) r.AddError("--map applies to --input only");
        });
        command.SetAction((parse, cancellation) => parse.GetValue(database) is { } file
            ? RunDatabaseAsync(file, parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(modelOut), Console.Out, Console.Error, TimeProvider.System, cancellation)
            : Task.FromResult(Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(modelOut), parse.GetValue(map),
                Console.Out, Console.Error, TimeProvider.System)));
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
        Deduplicate(batch, model, modelOut, output, stdout, phases, keptApart: null);
        return batch.RejectedRows == 0 ? ExitCodes.Success : ExitCodes.SomeRowsRejected;
    }

    /// <summary>Clusters the records of the service's file under its active model (or <paramref name="modelFile"/>), its marks respected.</summary>
    public static async Task<int> RunDatabaseAsync(string database, FileInfo output, FileInfo? modelFile, FileInfo? modelOut, TextWriter stdout,
        TextWriter errors, TimeProvider time, CancellationToken cancellation)
    {
        if (DatabaseTarget.Of(database).MissingFile is { } missing)
        {
            errors.WriteLine($"{missing}: no such file");
            return ExitCodes.InputError;
        }
        var phases = new PhaseTimes();
        var stored = await StoredBatch.ReadAsync(database, time, cancellation);
        TermFrequencies.Apply(stored.Input.Records);
        var model = modelFile is not null ? ModelSource.Load(modelFile, errors)
            : stored.Active ?? phases.Time("train", () => ModelSource.LoadOrTrain(null, stored.Input.Records, errors, time));
        if (model is null) return ExitCodes.InputError;
        Deduplicate(stored.Input, model, modelOut, output, stdout, phases, stored.KeptApart);
        stdout.WriteLine($"different_person_marks={stored.Marks} pairs_kept_apart={stored.KeptApart.Count}");
        return ExitCodes.Success;
    }

    private static void Deduplicate(BatchInput batch, MatchModel model, FileInfo? modelOut, FileInfo output, TextWriter stdout, PhaseTimes phases,
        IReadOnlySet<(int, int)>? keptApart)
    {
        if (modelOut is not null) ModelSource.Save(model, modelOut);
        var result = phases.Time("match", () => ConsoleProgress.Run("Matching", batch.Records.Count,
            report => new BatchDeduplicator(model).Run(batch.Records, done => report(done), keptApart: keptApart)));
        phases.Time("write", () => ClustersCsv.Write(output.FullName, batch.Records, result));
        BatchSummary.Print(stdout, batch, model, result, phases);
    }
}
