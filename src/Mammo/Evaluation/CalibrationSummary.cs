namespace Mammo.Evaluation;

/// <summary>Brier score, expected calibration error and reliability bins of one set of probabilities (<see cref="Calibration"/> defines them).</summary>
public sealed record CalibrationSummary(int Count, double Brier, double Ece, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>For the positive class's probability against the rest.</summary>
    public static CalibrationSummary Of(IReadOnlyList<Prediction> predictions, int positiveClass, int bins = Calibration.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var labels = predictions.Select(p => p.TrueLabel == positiveClass ? 1 : 0).ToArray();
        var probabilities = predictions.Select(p => p.Probabilities[positiveClass]).ToArray();
        return new CalibrationSummary(
            predictions.Count,
            Calibration.BrierScore(labels, probabilities),
            Calibration.ExpectedCalibrationError(labels, probabilities, bins),
            Calibration.Reliability(labels, probabilities, bins));
    }
}
