using Mpi.Matching.Records;
using Mpi.Matching.Settings;
using Mpi.Matching.Training;

namespace Mpi.Service.Cli;

/// <summary>The model a batch verb runs under: read from a file, or trained on the batch itself without labels.</summary>
internal static class ModelSource
{
    /// <summary>The model, or null after an error (already reported).</summary>
    public static MatchModel? LoadOrTrain(FileInfo? file, IReadOnlyList<NormalizedRecord> records, TextWriter errors, TimeProvider time)
    {
        if (file is not null) return Load(file, errors);
        return ConsoleProgress.Run("Training the model (EM, no labels)", 1, _ => ModelTrainer.Train(records, new TrainingOptions(), time));
    }

    public static MatchModel? Load(FileInfo file, TextWriter errors)
    {
        try
        {
            return MatchModelJson.Deserialize(File.ReadAllText(file.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            errors.WriteLine($"{file.Name}: {e.Message}");
            return null;
        }
    }

    public static void Save(MatchModel model, FileInfo file) => File.WriteAllText(file.FullName, MatchModelJson.Serialize(model));
}
