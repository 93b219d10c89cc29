using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class BootstrapTests
{
    [Fact]
    public void Interval_ends_are_linearly_interpolated_percentiles_of_the_resampled_values()
    {
        // A statistic that returns 0 for the original sample and then 1, 2, ..., 2000: the 2.5th and 97.5th
        // percentiles of 1..2000 (numpy's linear method) are 1 + 0.025 * 1999 and 1 + 0.975 * 1999.
        var calls = 0;
        var interval = Bootstrap.Interval(10, _ => calls++);

        Assert.Equal(0.0, interval.Estimate);
        Assert.Equal(50.975, interval.Lower, 1e-9);
        Assert.Equal(1950.025, interval.Upper, 1e-9);
        Assert.Equal(2000, interval.Resamples);
        Assert.Equal(0, interval.Skipped);
        Assert.Equal(2001, calls);
    }

    [Fact]
    public void Same_seed_gives_the_same_interval_and_another_seed_another()
    {
        var (yTrue, scores) = Synthetic(100, seed: 3);

        var first = Bootstrap.Auc(yTrue, scores, resamples: 500, seed: 42);
        var again = Bootstrap.Auc(yTrue, scores, resamples: 500, seed: 42);
        var other = Bootstrap.Auc(yTrue, scores, resamples: 500, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(first.Estimate, other.Estimate);
    }

    [Fact]
    public void Interval_contains_the_estimate_for_a_reasonable_sample()
    {
        var (yTrue, scores) = Synthetic(200, seed: 5);

        var interval = Bootstrap.Auc(yTrue, scores, seed: 1);

        Assert.Equal(RocCurve.ComputeAuc(yTrue, scores), interval.Estimate);
        Assert.InRange(interval.Estimate, 0.6, 0.95);
        Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
        Assert.True(interval.Upper - interval.Lower > 0.01);
        Assert.Equal(2000, interval.Resamples);
    }

    [Fact]
    public void Perfect_classifier_gives_one_to_one()
    {
        var interval = Bootstrap.Auc([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], seed: 7);

        Assert.Equal(new BootstrapInterval(1.0, 1.0, 1.0, 2000, interval.Skipped), interval);
    }

    [Fact]
    public void Resamples_with_one_class_are_skipped_and_counted()
    {
        // Two samples, one of each class: a resample draws both classes with probability 1/2, so about 1000 of
        // 2000 are skipped (standard deviation 22); those kept are perfectly ranked.
        var interval = Bootstrap.Auc([0, 1], [0.2, 0.9], seed: 11);

        Assert.InRange(interval.Skipped, 900, 1100);
        Assert.Equal(2000 - interval.Skipped, interval.Used);
        Assert.Equal(1.0, interval.Lower);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void Interval_narrows_with_more_data()
    {
        var (smallTrue, smallScores) = Synthetic(40, seed: 9);
        var (largeTrue, largeScores) = Synthetic(400, seed: 9);

        var small = Bootstrap.Auc(smallTrue, smallScores, seed: 2);
        var large = Bootstrap.Auc(largeTrue, largeScores, seed: 2);

        // The width shrinks roughly as 1/sqrt(n): ten times the data, about a third of the width.
        Assert.True(large.Upper - large.Lower < 0.6 * (small.Upper - small.Lower));
    }

    [Fact]
    public void Rejects_bad_arguments_and_an_always_undefined_statistic()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(5, _ => 1.0, level: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(5, _ => 1.0, resamples: 0));
        Assert.Throws<ArgumentException>(() => Bootstrap.Interval(5, _ => double.NaN));
        var calls = 0;
        Assert.Throws<InvalidOperationException>(() => Bootstrap.Interval(5, _ => calls++ == 0 ? 1.0 : double.NaN));
        Assert.Throws<ArgumentException>(() => Bootstrap.Auc([1, 1, 1], [0.1, 0.2, 0.3]));
    }

    // Half positives; a positive's score is shifted up by 0.5 so the AUC is high but not perfect.
    private static (int[] YTrue, double[] Scores) Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var yTrue = new int[count];
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            yTrue[i] = i % 2;
            scores[i] = random.NextDouble() + (0.5 * yTrue[i]);
        }

        return (yTrue, scores);
    }
}
