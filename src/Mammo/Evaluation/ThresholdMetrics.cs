namespace Mammo.Evaluation;

/// <summary>
/// The binary confusion counts when samples scoring at least <paramref name="Threshold"/> are called positive
/// (the same "score ≥ threshold" rule as scikit-learn's <c>roc_curve</c>), and the rates clinicians read from them.
/// An undefined rate (no samples in its denominator) is 0, as scikit-learn's default <c>zero_division</c>.
/// </summary>
public sealed record ThresholdMetrics(
    double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public const double DefaultThreshold = 0.5;

    public int Positives => TruePositives + FalseNegatives;

    public int Negatives => TrueNegatives + FalsePositives;

    /// <summary>Recall of the positive class, TP / (TP + FN).</summary>
    public double Sensitivity => Ratio(TruePositives, Positives);

    /// <summary>Recall of the negative class, TN / (TN + FP).</summary>
    public double Specificity => Ratio(TrueNegatives, Negatives);

    /// <summary>Precision, TP / (TP + FP).</summary>
    public double PositivePredictiveValue => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TN / (TN + FN).</summary>
    public double NegativePredictiveValue => Ratio(TrueNegatives, TrueNegatives + FalseNegatives);

    public double Accuracy => Ratio(TruePositives + TrueNegatives, Positives + Negatives);

    /// <param name="yTrue">Labels; samples equal to <paramref name="positiveLabel"/> are positive, all others negative.</param>
    public static ThresholdMetrics Compute(
        int[] yTrue, double[] scores, double threshold = DefaultThreshold, int positiveLabel = 1)
    {
        EvaluationInputs.CheckBinary(yTrue, scores);
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold must be a number.", nameof(threshold));
        }

        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var actual = yTrue[i] == positiveLabel;
            var called = scores[i] >= threshold;
            if (actual && called)
            {
                tp++;
            }
            else if (actual)
            {
                fn++;
            }
            else if (called)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return new ThresholdMetrics(threshold, tp, fp, tn, fn);
    }

    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
