using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Mpi.Service.Learning;

/// <summary>
/// The numbers of a trained (or loaded) calibrated linear classifier: its coefficients, its intercept and its Platt
/// calibration (p = 1 / (1 + exp(slope · score + offset))). They are all the model is, so the service can score with
/// them in Mpi.Matching without ML.NET.
/// </summary>
internal sealed record LinearCoefficients(IReadOnlyList<float> Weights, float Bias, double CalibrationSlope, double CalibrationOffset)
{
    /// <exception cref="InvalidDataException">The transformer is not a Platt-calibrated linear binary classifier.</exception>
    public static LinearCoefficients Of(ITransformer transformer)
    {
        // A freshly trained model is typed CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>; one loaded
        // from a zip is the same object behind ParameterMixingCalibratedModelParameters<IPredictorProducing<float>, ICalibrator>,
        // whose sub-model type is internal to ML.NET. Reading its public SubModel and Calibrator properties by value covers both.
        var model = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model;
        var parts = model?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is "SubModel" or "Calibrator" && p.GetIndexParameters().Length == 0).Select(p => p.GetValue(model)).ToArray() ?? [];
        var linear = parts.OfType<LinearBinaryModelParameters>().FirstOrDefault();
        var platt = parts.OfType<PlattCalibrator>().FirstOrDefault();
        if (linear is null || platt is null) throw new InvalidDataException("not a Platt-calibrated linear binary classifier");
        return new LinearCoefficients([.. linear.Weights], linear.Bias, platt.Slope, platt.Offset);
    }
}
