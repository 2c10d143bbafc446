namespace Mpi.Service.Learning;

/// <summary>
/// One row of ML.NET's in-memory data: the pair's features and its label. The feature vector's size is set at run
/// time from the model's comparisons (<see cref="ReviewLearner"/> builds the schema), not by an attribute.
/// </summary>
internal sealed class LearnerRow
{
    public float[] Features { get; set; } = [];
    public bool Label { get; set; }
}

/// <summary>What the trained pipeline writes for a row: the calibrated probability that the pair is one person.</summary>
internal sealed class LearnerPrediction
{
    public float Probability { get; set; }
}
