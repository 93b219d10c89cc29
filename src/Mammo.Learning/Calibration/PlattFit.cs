using Mammo.Evaluation;
using Mammo.Learning.Baselines;

namespace Mammo.Learning.Calibration;

/// <summary>
/// Fits <see cref="PlattScaling"/> as a one-feature logistic regression of the log-odds, without penalty, on Platt's
/// smoothed targets (N₊ + 1)/(N₊ + 2) for positives and 1/(N₋ + 2) for negatives, which keep A and B finite even
/// when the fitting part is perfectly separated.
/// </summary>
public static class PlattFit
{
    /// <exception cref="ArgumentException">No probabilities, or as many labels missing.</exception>
    public static PlattScaling Fit(IReadOnlyList<double> probabilities, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(positive);
        var positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var model = LogisticRegression.Fit([.. probabilities.Select(p => new[] { PlattScaling.Logit(p) })], [.. positive.Select(p => p ? high : low)], double.PositiveInfinity, standardise: false);
        return new PlattScaling(model.Weights[0], model.Intercept);
    }
}
