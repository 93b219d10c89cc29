namespace Mammo.Evaluation;

/// <summary>
/// Binary ROC curve and its area, as scikit-learn's <c>roc_curve</c> and <c>roc_auc_score</c>.
/// Points run from (0, 0) at threshold +∞ (scikit-learn ≥ 1.3's first threshold) through one point per distinct
/// score, highest first, to (1, 1). By default every distinct score keeps its point, as
/// <c>drop_intermediate=False</c>; <c>dropIntermediate: true</c> drops collinear points as scikit-learn's default.
/// Tied scores form one step, a diagonal segment, so a tie between a positive and a negative earns half credit.
/// </summary>
/// <param name="Auc">Area under the points by the trapezoid rule; dropping collinear points does not change it.</param>
public sealed record RocCurve(IReadOnlyList<RocPoint> Points, double Auc, int Positives, int Negatives)
{
    /// <param name="yTrue">Labels; samples equal to <paramref name="positiveLabel"/> are positive, all others negative.</param>
    /// <param name="scores">Higher means more likely positive (a probability or any decision value).</param>
    /// <exception cref="ArgumentException">yTrue holds only one class, where the ROC curve and its AUC are undefined.</exception>
    public static RocCurve Compute(int[] yTrue, double[] scores, int positiveLabel = 1, bool dropIntermediate = false)
    {
        var curve = BuildCurve(yTrue, scores, positiveLabel);
        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        double positives = curve.Positives;
        double negatives = curve.Negatives;

        var points = new List<RocPoint>(tps.Length + 1) { new(0.0, 0.0, double.PositiveInfinity) };
        for (var k = 0; k < tps.Length; k++)
        {
            // scikit-learn keeps the ends and every point where the slope changes (a non-zero second difference).
            var inner = k > 0 && k < tps.Length - 1;
            if (dropIntermediate && tps.Length > 2 && inner &&
                fps[k + 1] - 2 * fps[k] + fps[k - 1] == 0 &&
                tps[k + 1] - 2 * tps[k] + tps[k - 1] == 0)
            {
                continue;
            }

            points.Add(new RocPoint(fps[k] / negatives, tps[k] / positives, curve.Thresholds[k]));
        }

        return new RocCurve(points, Area(curve), curve.Positives, curve.Negatives);
    }

    /// <summary>The area under the ROC curve alone, without building its points.</summary>
    /// <exception cref="ArgumentException">yTrue holds only one class, where the AUC is undefined.</exception>
    public static double ComputeAuc(int[] yTrue, double[] scores, int positiveLabel = 1) =>
        Area(BuildCurve(yTrue, scores, positiveLabel));

    private static BinaryScoreCurve BuildCurve(int[] yTrue, double[] scores, int positiveLabel)
    {
        var curve = BinaryScoreCurve.Build(yTrue, scores, positiveLabel);
        if (curve.Positives == 0 || curve.Negatives == 0)
        {
            throw new ArgumentException(
                $"ROC AUC is undefined: yTrue has {curve.Positives} positive (label {positiveLabel}) and " +
                $"{curve.Negatives} negative samples; both classes are needed.",
                nameof(yTrue));
        }

        return curve;
    }

    private static double Area(BinaryScoreCurve curve)
    {
        // The trapezoid rule on (fp / N, tp / P), summed in whole counts so the only rounding is the final division.
        long twiceArea = 0;
        int previousTp = 0, previousFp = 0;
        for (var k = 0; k < curve.TruePositives.Length; k++)
        {
            var tp = curve.TruePositives[k];
            var fp = curve.FalsePositives[k];
            twiceArea += (long)(fp - previousFp) * (tp + previousTp);
            previousTp = tp;
            previousFp = fp;
        }

        return twiceArea / (2.0 * curve.Positives * curve.Negatives);
    }
}
