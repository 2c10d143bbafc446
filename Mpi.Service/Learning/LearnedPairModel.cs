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
    private readonly LinearCoefficients _coefficients;
    private readonly LearnedScorer _scorer;

    internal LearnedPairModel(MLContext context, ITransformer transformer, MatchModel model)
    {
        _context = context;
        _transformer = transformer;
        _features = new PairFeatures(model);
        MatchModelVersion = model.Version;
        _engine = context.Model.CreatePredictionEngine<LearnerRow, LearnerPrediction>(transformer, inputSchemaDefinition: ReviewLearner.Schema(_features.Count));
        _coefficients = LinearCoefficients.Of(transformer);
        _scorer = new LearnedScorer(model, Rescoring(new LearnedThresholds(), null));
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

    /// <summary>
    /// The pair's band after learning, with the reason. Decided on the pure re-scorer's probability
    /// (<see cref="PureProbability"/>), the one the service decides with once the model is part of a version, so that
    /// what <c>learn</c> reports is what the service will do.
    /// </summary>
    public LearnedDecision Decide(ComparisonVector vector, LearnedThresholds thresholds) =>
        vector.Band == Mpi.Matching.Decisions.ThresholdBand.Review
            ? LearnedDecision.Of(vector, PureProbability(vector), thresholds)
            : LearnedDecision.Of(vector, double.NaN, thresholds);

    /// <summary>The learned probability computed from the extracted coefficients without ML.NET (<see cref="LearnedScorer"/>).</summary>
    /// <exception cref="ArgumentException">The vector was scored under another match model.</exception>
    public double PureProbability(ComparisonVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.ModelVersion != MatchModelVersion)
            throw new ArgumentException($"the vector was scored by model {vector.ModelVersion}; this learner knows {MatchModelVersion}", nameof(vector));
        return _scorer.Probability(vector);
    }

    /// <summary>
    /// The classifier as the learned section of a model version: its coefficients, intercept and calibration, when it
    /// may move a pair, and what it was trained on.
    /// </summary>
    public LearnedRescoring Rescoring(LearnedThresholds thresholds, LearnedTrainingSummary? training)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new LearnedRescoring(MatchModelVersion, [.. _coefficients.Weights.Select(w => (double)w)], _coefficients.Bias,
            _coefficients.CalibrationSlope, _coefficients.CalibrationOffset, thresholds.AutoLink, thresholds.NonMatch, training);
    }

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
        if (metadata is null || metadata.MatchModelVersion != model.Version || metadata.FeatureCount != new PairFeatures(model).Count)
            throw new InvalidDataException($"the learned model was trained under match model {metadata?.MatchModelVersion}, not {model.Version}");
        var context = new MLContext();
        using var file = File.OpenRead(path);
        return new LearnedPairModel(context, context.Model.Load(file, out _), model);
    }

    private sealed record LearnedModelMetadata(string MatchModelVersion, int FeatureCount);
}
