namespace Mammo.Evaluation;

/// <summary>
/// scikit-learn's <c>average_precision_score</c> for a binary problem: AP = Σ (Rₙ − Rₙ₋₁) Pₙ over the
/// distinct scores taken as thresholds, highest first, with R₀ = 0. It is a step sum, not the trapezoid rule,
/// so it does not reward the optimistic interpolation between points of the precision-recall curve.
/// </summary>
public static class AveragePrecision
{
    /// <param name="yTrue">Labels; samples equal to <paramref name="positiveLabel"/> are positive, all others negative.</param>
    /// <param name="scores">Higher means more likely positive.</param>
    /// <exception cref="ArgumentException">yTrue has no positive sample, where recall (and so AP) is undefined.</exception>
    public static double Compute(int[] yTrue, double[] scores, int positiveLabel = 1)
    {
        var curve = BinaryScoreCurve.Build(yTrue, scores, positiveLabel);
        if (curve.Positives == 0)
        {
            throw new ArgumentException(
                $"Average precision is undefined: yTrue has no positive sample (label {positiveLabel}).", nameof(yTrue));
        }

        var sum = 0.0;
        var previousTp = 0;
        for (var k = 0; k < curve.TruePositives.Length; k++)
        {
            var tp = curve.TruePositives[k];
            if (tp != previousTp)
            {
                var recallStep = (double)(tp - previousTp) / curve.Positives;
                var precision = (double)tp / (tp + curve.FalsePositives[k]);
                sum += recallStep * precision;
                previousTp = tp;
            }
        }

        return sum;
    }
}
