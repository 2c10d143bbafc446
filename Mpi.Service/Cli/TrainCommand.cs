using System.CommandLine;
using Mpi.Matching.Scoring;
using Mpi.Matching.Training;

namespace Mpi.Service.Cli;

/// <summary><c>train</c>: estimates a model on a CSV file without labels (u from random pairs, m by EM) and writes its JSON.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var modelOut = CommonOptions.ModelOut(required: true);
        var map = CommonOptions.Map();
        var seed = new Option<int>("--seed") { Description = "Seed for the random pair sample", DefaultValueFactory = _ => new TrainingOptions().Seed };
        var command = new Command("train", "Train a model on a CSV file by EM (no labels) and write it as JSON") { input, modelOut, map, seed };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(modelOut)!, parse.GetValue(map), parse.GetValue(seed), TimeProvider.System));
        return command;
    }

    public static int Run(FileInfo input, FileInfo modelOut, string? map, int seed, TimeProvider time)
    {
        var batch = RecordLoader.Load(input, map, Console.Error, time);
        if (batch is null) return ExitCodes.InputError;
        TermFrequencies.Apply(batch.Records);
        var model = ConsoleProgress.Run("Training the model (EM, no labels)", 1,
            _ => ModelTrainer.Train(batch.Records, new TrainingOptions { Seed = seed }, time));
        ModelSource.Save(model, modelOut);
        var t = model.Training!;
        Console.WriteLine($"model={model.Version} records={t.Records} blocked_pairs={t.BlockedPairs} random_pairs={t.RandomPairs} " +
            $"em_iterations={t.Iterations} converged={t.Converged} prior={model.MatchPrior:E3}");
        foreach (var c in model.Comparisons)
            Console.WriteLine($"  {c.Name}: " + string.Join(" ", c.Levels.Skip(1).Select(l => $"{l.Label}={l.Weight:F2}")));
        return batch.RejectedRows == 0 ? ExitCodes.Success : ExitCodes.SomeRowsRejected;
    }
}
