using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Mpi.Matching.Learning;
using Mpi.Matching.Settings;

namespace Mpi.Service.Learning;

/// <summary>
/// A trained classifier over comparison vectors: the calibrated probability that a pair is one person, and the band
/// decision that follows. Saved as ML.NET's zip with one more entry, <see cref="MetadataEntry"/>, naming the match
/// model whose vectors it was trained on: its features are that model's levels and weights, so under any other model
/// it would read the wrong numbers, and loading refuses.
/// </summary>
public sealed class LearnedPairModel
{
    private readonly MLContext _context;
    private readonly ITransformer _transformer;
    private readonly PairFeatures _features;
    private readonly PredictionEngine<LearnerRow, LearnerPrediction> _engine;
    private readonly Lock _engineLock = new(); // ML.NET's prediction engine is not thread-safe

    internal LearnedPairModel(MLContext context, ITransformer transformer, PairFeatures features, string matchModelVersion)
    {
        _context = context;
        _transformer = transformer;
        _features = features;
        MatchModelVersion = matchModelVersion;
        _engine = context.Model.CreatePredictionEngine<LearnerRow, LearnerPrediction>(transformer, inputSchemaDefinition: ReviewLearner.Schema(features.Count));
    }

    /// <summary>The version of the Fellegi–Sunter model whose vectors it learned from; its features mean nothing under another.</summary>
    public string MatchModelVersion { get; }

    /// <summary>The zip entry that holds the match model version.</summary>
    public const string MetadataEntry = "Mpi/learned-model.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The learned probability that the pair is one person.</summary>
    /// <exception cref="ArgumentException">The vector was scored under another match model.</exception>
    public double Probability(ComparisonVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.ModelVersion != MatchModelVersion)
            throw new ArgumentException($"the vector was scored by model {vector.ModelVersion}; this learner knows {MatchModelVersion}", nameof(vector));
        var row = new LearnerRow { Features = _features.Encode(vector) };
        lock (_engineLock) return _engine.Predict(row).Probability;
    }

    /// <summary>The pair's band after learning, with the reason.</summary>
    public LearnedDecision Decide(ComparisonVector vector, LearnedThresholds thresholds) =>
        vector.Band == Mpi.Matching.Decisions.ThresholdBand.Review
            ? LearnedDecision.Of(vector, Probability(vector), thresholds)
            : LearnedDecision.Of(vector, double.NaN, thresholds);

    /// <summary>Writes the model (ML.NET's zip format) to a file.</summary>
    public void Save(string path)
    {
        var schema = _context.Data.LoadFromEnumerable(Array.Empty<LearnerRow>(), ReviewLearner.Schema(_features.Count)).Schema;
        _context.Model.Save(_transformer, schema, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var entry = zip.CreateEntry(MetadataEntry).Open();
        JsonSerializer.Serialize(entry, new LearnedModelMetadata(MatchModelVersion, _features.Count), Json);
    }

    /// <summary>Reads a saved learner for use with <paramref name="model"/>.</summary>
    /// <exception cref="InvalidDataException">Not a learned model, or one trained under another match model.</exception>
    public static LearnedPairModel Load(string path, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        LearnedModelMetadata? metadata;
        using (var zip = ZipFile.OpenRead(path))
        {
            var entry = zip.GetEntry(MetadataEntry) ?? throw new InvalidDataException($"not a learned model: no {MetadataEntry}");
            using var stream = entry.Open();
            metadata = JsonSerializer.Deserialize<LearnedModelMetadata>(stream, Json);
        }
        var features = new PairFeatures(model);
        if (metadata is null || metadata.MatchModelVersion != model.Version || metadata.FeatureCount != features.Count)
            throw new InvalidDataException($"the learned model was trained under match model {metadata?.MatchModelVersion}, not {model.Version}");
        var context = new MLContext();
        using var file = File.OpenRead(path);
        return new LearnedPairModel(context, context.Model.Load(file, out _), features, model.Version);
    }

    private sealed record LearnedModelMetadata(string MatchModelVersion, int FeatureCount);
}
