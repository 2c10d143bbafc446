using Microsoft.ML;
using Mpi.Matching.Learning;

namespace Mpi.Service.Learning;

/// <summary>
/// A trained classifier over comparison vectors: the calibrated probability that a pair is one person, and the band
/// decision that follows. Saved as ML.NET's zip; it records which match model's vectors it was trained on.
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

    /// <summary>The learned probability that the pair is one person.</summary>
    public double Probability(ComparisonVector vector)
    {
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
    }
}
