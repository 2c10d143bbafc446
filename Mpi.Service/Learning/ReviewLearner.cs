using Microsoft.ML;
using Microsoft.ML.Data;
using Mpi.Matching.Learning;
using Mpi.Matching.Settings;

namespace Mpi.Service.Learning;

/// <summary>
/// Trains a calibrated binary classifier (ML.NET's L-BFGS logistic regression) on reviewers' verdicts over comparison
/// vectors. ML.NET lives here, not in Mpi.Matching, so the engine stays free of a machine-learning dependency: the
/// pure parts (the vector, its features, the band decision) are in Mpi.Matching/Learning. Logistic regression rather
/// than trees: a few hundred labels, features that are already log-odds, and probabilities that come out calibrated
/// — a steward can read its coefficients as adjustments to the Fellegi–Sunter weights. Deterministic for a seed.
/// </summary>
public sealed class ReviewLearner(MatchModel model, int seed = ReviewLearner.DefaultSeed)
{
    public const int DefaultSeed = 1;

    /// <summary>L2 regularisation: with few labels, keep the coefficients small rather than fit every reviewer's pair.</summary>
    private const float L2Regularization = 1f;

    private readonly PairFeatures _features = new(model);

    /// <summary>Trains on the labelled pairs; both verdicts must occur.</summary>
    /// <exception cref="ArgumentException">No pair, or only one kind of verdict.</exception>
    public LearnedPairModel Train(IReadOnlyList<LabelledComparisonVector> labelled)
    {
        var context = new MLContext(seed);
        var data = Load(context, labelled);
        var transformer = Pipeline(context).Fit(data);
        return new LearnedPairModel(context, transformer, model);
    }

    /// <summary>
    /// Cross-validated metrics of the same training, averaged over folds stratified by verdict
    /// (<see cref="StratifiedFolds"/>; ML.NET's own split is random and can leave a small fold with one verdict only):
    /// area under the ROC curve, log-loss and accuracy.
    /// </summary>
    public LearnerCrossValidation CrossValidate(IReadOnlyList<LabelledComparisonVector> labelled, int folds)
    {
        var foldOf = StratifiedFolds.Of(labelled, folds);
        var metrics = Enumerable.Range(0, folds).Select(f =>
        {
            var context = new MLContext(seed);
            var model = Pipeline(context).Fit(Load(context, labelled.Where((_, i) => foldOf[i] != f).ToArray()));
            return context.BinaryClassification.Evaluate(model.Transform(Load(context, labelled.Where((_, i) => foldOf[i] == f).ToArray())));
        }).ToArray();
        return new LearnerCrossValidation(folds, metrics.Average(m => m.AreaUnderRocCurve), metrics.Average(m => m.LogLoss),
            metrics.Average(m => m.Accuracy));
    }

    private IDataView Load(MLContext context, IReadOnlyList<LabelledComparisonVector> labelled)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        if (labelled.Count == 0 || labelled.All(l => l.SamePerson) || labelled.All(l => !l.SamePerson))
            throw new ArgumentException("training needs pairs of both verdicts: same person and different people", nameof(labelled));
        var rows = labelled.Select(l => new LearnerRow { Features = _features.Encode(l.Vector), Label = l.SamePerson }).ToArray();
        return context.Data.LoadFromEnumerable(rows, Schema(_features.Count));
    }

    internal static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(LearnerRow));
        schema[nameof(LearnerRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static IEstimator<ITransformer> Pipeline(MLContext context) =>
        context.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = L2Regularization,
            NumberOfThreads = 1, // one thread: the same labels give the same coefficients on every machine
        });
}

/// <summary>Cross-validation of a learner: mean AUC, log-loss and accuracy over the folds.</summary>
public sealed record LearnerCrossValidation(int Folds, double AreaUnderRocCurve, double LogLoss, double Accuracy);
