using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class ThresholdMetricsTests
{
    private static readonly int[] s_yTrue = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    private static readonly double[] s_scores = [0.9, 0.6, 0.5, 0.3, 0.7, 0.4, 0.2, 0.1, 0.5, 0.05];

    [Fact]
    public void Counts_and_rates_at_the_default_threshold()
    {
        // Positives 0.9, 0.6, 0.5 reach 0.5 (a score equal to the threshold counts as positive), 0.3 does not:
        // TP 3, FN 1. Negatives 0.7 and 0.5 reach it: FP 2, TN 4.
        var metrics = ThresholdMetrics.Compute(s_yTrue, s_scores);

        Assert.Equal(new ThresholdMetrics(0.5, TruePositives: 3, FalsePositives: 2, TrueNegatives: 4, FalseNegatives: 1), metrics);
        Assert.Equal(0.75, metrics.Sensitivity);
        Assert.Equal(4.0 / 6.0, metrics.Specificity, 1e-14);
        Assert.Equal(0.6, metrics.PositivePredictiveValue, 1e-14);
        Assert.Equal(0.8, metrics.NegativePredictiveValue, 1e-14);
        Assert.Equal(0.7, metrics.Accuracy, 1e-14);
        Assert.Equal(4, metrics.Positives);
        Assert.Equal(6, metrics.Negatives);
    }

    [Fact]
    public void A_higher_threshold_trades_sensitivity_for_specificity()
    {
        // At 0.65 only 0.9 (positive) and 0.7 (negative) are called positive.
        var metrics = ThresholdMetrics.Compute(s_yTrue, s_scores, threshold: 0.65);

        Assert.Equal(new ThresholdMetrics(0.65, 1, 1, 5, 3), metrics);
        Assert.Equal(0.25, metrics.Sensitivity);
        Assert.Equal(5.0 / 6.0, metrics.Specificity, 1e-14);
    }

    [Fact]
    public void Undefined_rates_are_zero_like_scikit_learns_default()
    {
        // No positives at all: sensitivity has no denominator; nothing called positive: PPV has none.
        var metrics = ThresholdMetrics.Compute([0, 0], [0.1, 0.2]);

        Assert.Equal(new ThresholdMetrics(0.5, 0, 0, 2, 0), metrics);
        Assert.Equal(0.0, metrics.Sensitivity);
        Assert.Equal(0.0, metrics.PositivePredictiveValue);
        Assert.Equal(1.0, metrics.Specificity);
    }

    [Fact]
    public void Rejects_a_nan_threshold()
    {
        Assert.Throws<ArgumentException>(() => ThresholdMetrics.Compute(s_yTrue, s_scores, double.NaN));
    }
}
