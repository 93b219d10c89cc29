namespace Mammo.Evaluation;

/// <summary>
/// The threshold that maximises Youden's J = sensitivity + specificity − 1 on a set of scores (calling "score ≥
/// threshold" positive, as <see cref="ThresholdMetrics"/>). Candidates are the distinct scores (the ROC curve's
/// thresholds); among equal J the highest threshold wins, the more specific choice.
/// </summary>
public static class YoudenThreshold
{
    /// <exception cref="ArgumentException">Only one class present: J is undefined.</exception>
    public static (double Threshold, double J) Choose(int[] yTrue, double[] scores, int positiveLabel = 1)
    {
        var curve = RocCurve.Compute(yTrue, scores, positiveLabel);
        var best = (Threshold: double.NaN, J: double.NegativeInfinity);
        foreach (var point in curve.Points.Where(p => double.IsFinite(p.Threshold)))
        {
            var j = point.TruePositiveRate - point.FalsePositiveRate;
            if (j > best.J + 1e-12)
            {
                best = (point.Threshold, j);
            }
        }

        return best;
    }
}
