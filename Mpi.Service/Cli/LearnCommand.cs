using System.CommandLine;
using System.Globalization;
using Mpi.Matching.Learning;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Service.Matching;
using Mpi.Service.Csv;
using Mpi.Service.Learning;
using Mpi.Service.Persistence;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>learn</c>: trains the ML.NET classifier on reviewers' verdicts (a labels CSV, or an oracle over a truth file for
/// experiments), cross-validates it, reports it against the current model and writes it to a file. It activates
/// nothing: the Fellegi–Sunter model in use is unchanged. Standard output holds counts and rates only; the pairs that
/// would change decision, with their record keys, go to the <c>--changes</c> file. With <c>--database … --store</c> the
/// learner becomes an inactive model version in the service's file (audited as <c>learn_model</c>): a steward
/// activates it, or not, on the model versions page or with ModelService.ActivateModel.
/// </summary>
internal static class LearnCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input", "-i") { Description = "CSV file with the canonical columns (not with --database: the service's records are used)" };
        var database = new Option<string?>("--database")
        {
            Description = "Or the service's database (its SQLite file or PostgreSQL connection string): its records, and its reviewers' verdicts as labels",
        };
        var labels = new Option<FileInfo?>("--labels") { Description = "Verdicts: registry_a,local_id_a,registry_b,local_id_b,same_person" };
        var truth = new Option<FileInfo?>("--truth") { Description = "Or a truth file (registry,local_id,person) that resolves the first --oracle review tasks" };
        var oracle = new Option<int>("--oracle") { Description = "With --truth: how many review tasks the oracle resolves", DefaultValueFactory = _ => 500 };
        var model = CommonOptions.Model();
        var map = CommonOptions.Map();
        var output = new Option<FileInfo?>("--learned-out") { Description = "Write the learned model (ML.NET zip) here" };
        var store = new Option<bool>("--store") { Description = "With --database: store the result in it as a new model version, not active (a steward activates it)" };
        var actor = new Option<string>("--actor") { Description = "Who stores it, for the audit trail", DefaultValueFactory = _ => $"cli:{Environment.UserName}" };
        var changes = new Option<FileInfo?>("--changes") { Description = "Write the candidate pairs whose decision would change (CSV)" };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };
        folds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 2) r.AddError("--folds must be at least 2");
        });
        var command = new Command("learn", "Train a classifier on reviewers' verdicts, cross-validate it and report it against the current model (activates nothing)")
        {
            input, database, labels, truth, oracle, model, map, output, changes, folds, store, actor,
        };
        command.Validators.Add(r =>
        {
            if (new object?[] { r.GetValue(labels), r.GetValue(truth), r.GetValue(database) }.Count(o => o is not null) != 1)
                r.AddError("give exactly one of --labels, --truth and --database");
            if ((r.GetValue(input) is null) == (r.GetValue(database) is null)) r.AddError("give --input with --labels or --truth, and no --input with --database");
            if (r.GetValue(store) && r.GetValue(database) is null) r.AddError("--store needs --database: the version is stored in the service's database");
            if (!r.GetValue(store) && r.GetValue(output) is null) r.AddError("give --learned-out, or --database with --store");
        });
        command.SetAction((parse, cancellation) => RunAsync(new LearnRequest(parse.GetValue(input), parse.GetValue(labels), parse.GetValue(truth),
            parse.GetValue(oracle), parse.GetValue(model), parse.GetValue(map), parse.GetValue(output), parse.GetValue(changes),
            parse.GetValue(folds), parse.GetValue(database), parse.GetValue(store) ? parse.GetValue(actor) : null), Console.Out, Console.Error,
            TimeProvider.System, cancellation));
        return command;
    }

    /// <summary>With <see cref="LearnRequest.Database"/>, records and verdicts come from the service's file; otherwise see <see cref="Run"/>.</summary>
    public static async Task<int> RunAsync(LearnRequest request, TextWriter stdout, TextWriter errors, TimeProvider time, CancellationToken cancellation)
    {
        if (request.Database is null) return Run(request, stdout, errors, time);
        var database = DatabaseTarget.Of(request.Database);
        if (database.MissingFile is { } missing)
        {
            errors.WriteLine($"{missing}: no such file");
            return ExitCodes.InputError;
        }
        var (records, labels, active) = await ServiceVerdicts.ReadAsync(request.Database, time, cancellation);
        // The reviewers judged pairs scored by the active version, and a stored learner must fit the version it joins.
        var model = request.Model is null ? active : ModelSource.Load(request.Model, errors);
        if (model is null)
        {
            if (request.Model is null) errors.WriteLine($"{database.Name}: no active model version");
            return ExitCodes.InputError;
        }
        // Names weighed by frequency as the service weighs them, so that the learner sees the vectors the service re-scores.
        NameFrequencies.WeighAll(records, model);
        var (exit, outcome) = Learn(request, records, model, (m, _) => Labelled(labels, database.Name, records, m, errors), errors, time);
        if (outcome is null) return exit;
        string? stored = null;
        if (request.StoreAs is { } storeActor) stored = await LearnedVersionStore.StoreAsync(request.Database, outcome, storeActor, time, cancellation);
        LearnReport.Write(stdout, outcome, Destination(request, stored));
        return exit;
    }

    /// <summary>Learns from a CSV file's records, with a labels file or an oracle over a truth file.</summary>
    public static int Run(LearnRequest request, TextWriter stdout, TextWriter errors, TimeProvider time)
    {
        var batch = RecordLoader.Load(request.Input!, request.Map, errors, time);
        if (batch is null) return ExitCodes.InputError;
        TermFrequencies.Apply(batch.Records);
        var model = ModelSource.LoadOrTrain(request.Model, batch.Records, errors, time);
        if (model is null) return ExitCodes.InputError;
        var (exit, outcome) = Learn(request, batch.Records, model, (m, candidates) => request.Labels is not null
            ? FromLabels(request.Labels, batch.Records, m, errors)
            : FromOracle(request.Truth!, request.Oracle, batch.Records, candidates, errors), errors, time);
        if (outcome is not null) LearnReport.Write(stdout, outcome, Destination(request, null));
        return exit;
    }

    private static string Destination(LearnRequest request, string? storedVersion) => string.Join("; ", new[]
    {
        request.Output is null ? null : $"learned model written to {request.Output.Name}",
        storedVersion is null ? null : $"stored as model version {storedVersion}, not active",
        "nothing activated",
    }.Where(s => s is not null));

    private static (int Exit, LearningOutcome? Outcome) Learn(LearnRequest request, IReadOnlyList<NormalizedRecord> records, MatchModel model,
        Func<MatchModel, IReadOnlyList<ComparisonVector>, List<LabelledComparisonVector>?> label, TextWriter errors, TimeProvider time)
    {
        var candidates = ConsoleProgress.Run("Scoring candidate pairs", 1, _ => CandidateVectors.Score(records, model));
        var labelled = label(model, candidates);
        if (labelled is null) return (ExitCodes.InputError, null);
        if (labelled.Count(l => l.SamePerson) < request.Folds || labelled.Count(l => !l.SamePerson) < request.Folds)
        {
            errors.WriteLine($"labels: at least {request.Folds} pairs of each verdict are needed ({labelled.Count(l => l.SamePerson)} same person, {labelled.Count(l => !l.SamePerson)} different)");
            return (ExitCodes.InputError, null);
        }

        var outcome = ReviewLearning.Learn(model, labelled, candidates, request.Folds, time);
        if (request.Output is not null) outcome.Learned.Save(request.Output.FullName);
        if (request.Changes is not null) LearnedChangesCsv.Write(request.Changes.FullName, records, candidates, outcome.Decisions);
        return (ExitCodes.Success, outcome);
    }

    private static List<LabelledComparisonVector>? FromLabels(FileInfo file, IReadOnlyList<NormalizedRecord> records, MatchModel model, TextWriter errors)
    {
        if (!file.Exists)
        {
            errors.WriteLine($"{file.FullName}: no such file");
            return null;
        }
        var (labels, badLines, error) = PairLabelsCsv.Read(file.FullName);
        if (labels is null)
        {
            errors.WriteLine($"{file.Name}: {error}");
            return null;
        }
        foreach (var line in badLines) errors.WriteLine($"{file.Name} line {line}: not a readable verdict");
        return Labelled(labels, file.Name, records, model, errors);
    }

    private static List<LabelledComparisonVector> Labelled(IReadOnlyList<PairLabelsCsv.PairLabel> labels, string source,
        IReadOnlyList<NormalizedRecord> records, MatchModel model, TextWriter errors)
    {
        var (labelled, unknown) = LabelledPairs.Of(labels, records, model);
        if (unknown > 0) errors.WriteLine($"{source}: {unknown} labelled pairs name a record not in the input; left out");
        return labelled;
    }

    private static List<LabelledComparisonVector>? FromOracle(FileInfo file, int count, IReadOnlyList<NormalizedRecord> records,
        IReadOnlyList<ComparisonVector> candidates, TextWriter errors)
    {
        var (truth, error) = TruthColumnReader.Read(file.FullName, "person", null);
        if (truth is null)
        {
            errors.WriteLine($"truth: {error}");
            return null;
        }
        string? PersonOf(int i) => truth.GetValueOrDefault((records[i].Registry, records[i].LocalId));
        return candidates.Where(v => v.Band == Mpi.Matching.Decisions.ThresholdBand.Review && PersonOf(v.First) is not null && PersonOf(v.Second) is not null)
            .Take(count).Select(v => new LabelledComparisonVector(v, PersonOf(v.First) == PersonOf(v.Second))).ToList();
    }
}

/// <summary>What <c>learn</c> was asked to do.</summary>
/// <param name="StoreAs">With <paramref name="Database"/>: the actor who stores the result as an inactive version; null stores nothing.</param>
internal sealed record LearnRequest(FileInfo? Input, FileInfo? Labels, FileInfo? Truth, int Oracle, FileInfo? Model, string? Map,
    FileInfo? Output, FileInfo? Changes, int Folds, string? Database = null, string? StoreAs = null);
