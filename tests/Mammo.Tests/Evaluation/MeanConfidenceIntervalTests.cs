using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class MeanConfidenceIntervalTests
{
    [Fact]
    public void Five_fold_aucs_give_a_t_interval_with_four_degrees_of_freedom()
    {
        // Mean 0.80; squared deviations 0, 0.0025, 0.01, 0.0025, 0.01 sum to 0.025, so s = sqrt(0.025 / 4);
        // the half width is t(0.975, 4) * s / sqrt(5) = 2.776445 * 0.0353553 = 0.0981622.
        var interval = MeanConfidenceInterval.Compute([0.80, 0.85, 0.90, 0.75, 0.70]);

        Assert.Equal(0.80, interval.Mean, 1e-14);
        Assert.Equal(Math.Sqrt(0.025 / 4), interval.StandardDeviation, 1e-14);
        Assert.Equal(Math.Sqrt(0.025 / 4) / Math.Sqrt(5), interval.StandardError, 1e-14);
        Assert.Equal(0.7018378419261223, interval.Lower, 1e-9);
        Assert.Equal(0.8981621580738778, interval.Upper, 1e-9);
        Assert.Equal(0.0981621580738778, interval.HalfWidth, 1e-9);
        Assert.Equal(5, interval.Count);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void Two_values_use_the_cauchy_quantile()
    {
        // Mean 2, s = sqrt(2), standard error 1, t(0.975, 1) = tan(0.475 pi) = 12.7062.
        var interval = MeanConfidenceInterval.Compute([1.0, 3.0]);

        Assert.Equal(2.0, interval.Mean);
        Assert.Equal(1.0, interval.StandardError, 1e-14);
        Assert.Equal(2.0 - 12.706204736174707, interval.Lower, 1e-9);
        Assert.Equal(2.0 + 12.706204736174707, interval.Upper, 1e-9);
    }

    [Fact]
    public void A_lower_level_gives_a_narrower_interval()
    {
        // 90%: t(0.95, 4) = 2.131847 instead of 2.776445.
        var interval = MeanConfidenceInterval.Compute([0.80, 0.85, 0.90, 0.75, 0.70], level: 0.90);

        Assert.Equal(2.131846786326649 * Math.Sqrt(0.025 / 4) / Math.Sqrt(5), interval.HalfWidth, 1e-9);
    }

    [Fact]
    public void Identical_values_give_a_zero_width_interval()
    {
        var interval = MeanConfidenceInterval.Compute([0.9, 0.9, 0.9]);

        Assert.Equal(0.9, interval.Lower, 1e-14);
        Assert.Equal(0.9, interval.Upper, 1e-14);
    }

    [Fact]
    public void Rejects_fewer_than_two_values_and_non_finite_values()
    {
        Assert.Throws<ArgumentException>(() => MeanConfidenceInterval.Compute([0.8]));
        Assert.Throws<ArgumentException>(() => MeanConfidenceInterval.Compute([0.8, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanConfidenceInterval.Compute([0.8, 0.9], level: 0));
    }
}
