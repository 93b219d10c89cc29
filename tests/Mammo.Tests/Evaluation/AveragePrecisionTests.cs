using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class AveragePrecisionTests
{
    [Fact]
    public void Matches_scikit_learns_documented_example()
    {
        // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.83...: recall 1/2 at precision 1,
        // then recall 1 at precision 2/3.
        var ap = AveragePrecision.Compute([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);

        Assert.Equal((0.5 * 1.0) + (0.5 * 2.0 / 3.0), ap, 1e-14);
        Assert.Equal(0.8333333333333333, ap, 1e-14);
    }

    [Fact]
    public void Sums_precision_at_each_recall_step()
    {
        // Ranked: +, -, +, -, -, +  => precision 1/1, 2/3, 3/6 at recall 1/3, 2/3, 1.
        var ap = AveragePrecision.Compute([1, 0, 1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);

        Assert.Equal((1.0 + (2.0 / 3.0) + 0.5) / 3.0, ap, 1e-14);
    }

    [Fact]
    public void Perfect_ranking_is_one_and_ties_take_the_precision_of_the_whole_tie()
    {
        Assert.Equal(1.0, AveragePrecision.Compute([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]));
        // Everything tied: one step to recall 1 at precision 2/5.
        Assert.Equal(0.4, AveragePrecision.Compute([0, 1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.5]), 1e-14);
        // Positives only: precision is 1 everywhere.
        Assert.Equal(1.0, AveragePrecision.Compute([1, 1], [0.3, 0.6]));
    }

    [Fact]
    public void Positive_label_selects_the_class_of_interest()
    {
        Assert.Equal(0.8333333333333333, AveragePrecision.Compute([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], positiveLabel: 2), 1e-14);
    }

    [Fact]
    public void No_positive_sample_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([0, 0], [0.2, 0.4]));
        Assert.Contains("no positive", error.Message, StringComparison.Ordinal);
    }
}
