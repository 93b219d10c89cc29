using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class RocCurveTests
{
    private static readonly double[] s_docScores = [0.1, 0.4, 0.35, 0.8];

    [Fact]
    public void Matches_scikit_learns_documented_roc_curve_with_pos_label_2()
    {
        // roc_curve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], pos_label=2):
        // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [inf, 0.8, 0.4, 0.35, 0.1].
        var curve = RocCurve.Compute([1, 1, 2, 2], s_docScores, positiveLabel: 2);

        RocPoint[] expected =
        [
            new(0.0, 0.0, double.PositiveInfinity),
            new(0.0, 0.5, 0.8),
            new(0.5, 0.5, 0.4),
            new(0.5, 1.0, 0.35),
            new(1.0, 1.0, 0.1),
        ];
        Assert.Equal(expected, curve.Points);
        Assert.Equal(0.75, curve.Auc);
        Assert.Equal(2, curve.Positives);
        Assert.Equal(2, curve.Negatives);
        // Nothing on this curve is collinear, so scikit-learn's default drop_intermediate=True gives the same points.
        Assert.Equal(expected, RocCurve.Compute([1, 1, 2, 2], s_docScores, positiveLabel: 2, dropIntermediate: true).Points);
    }

    [Fact]
    public void Auc_of_scikit_learns_roc_auc_score_example_is_three_quarters()
    {
        Assert.Equal(0.75, RocCurve.ComputeAuc([0, 0, 1, 1], s_docScores));
    }

    [Fact]
    public void Perfect_and_reversed_rankings_give_one_and_zero()
    {
        int[] yTrue = [0, 0, 0, 1, 1, 1];
        double[] scores = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];

        Assert.Equal(1.0, RocCurve.ComputeAuc(yTrue, scores));
        Assert.Equal(0.0, RocCurve.ComputeAuc(yTrue, [.. scores.Select(s => -s)]));
    }

    [Fact]
    public void Tied_scores_form_one_diagonal_step()
    {
        // All tied: one step from (0, 0) to (1, 1).
        var allTied = RocCurve.Compute([0, 1, 0, 1, 1], [0.3, 0.3, 0.3, 0.3, 0.3]);
        Assert.Equal([new RocPoint(0, 0, double.PositiveInfinity), new RocPoint(1, 1, 0.3)], allTied.Points);
        Assert.Equal(0.5, allTied.Auc);

        // One positive-negative tie at 0.5 earns half a pair: (3 + 0.5) / 4 pairs.
        var partlyTied = RocCurve.Compute([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8]);
        Assert.Equal(
            [new RocPoint(0, 0, double.PositiveInfinity), new RocPoint(0, 0.5, 0.8), new RocPoint(0.5, 1, 0.5), new RocPoint(1, 1, 0.2)],
            partlyTied.Points);
        Assert.Equal(0.875, partlyTied.Auc);
    }

    [Fact]
    public void Dropping_intermediate_points_keeps_only_the_corners()
    {
        var full = RocCurve.Compute([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]);
        var dropped = RocCurve.Compute([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], dropIntermediate: true);

        Assert.Equal(7, full.Points.Count);
        // scikit-learn keeps the first and last score and every point where the slope changes.
        Assert.Equal(
            [new RocPoint(0, 0, double.PositiveInfinity), new RocPoint(0, 1.0 / 3.0, 0.9), new RocPoint(0, 1, 0.7), new RocPoint(1, 1, 0.1)],
            dropped.Points);
        Assert.Equal(full.Auc, dropped.Auc);
    }

    [Fact]
    public void Auc_is_the_share_of_correctly_ordered_pairs()
    {
        // Hand count: positives 0.9, 0.6, 0.4 against negatives 0.7, 0.5, 0.3, 0.1:
        // 0.9 beats 4, 0.6 beats 3, 0.4 beats 2 => 9 of 12 pairs.
        var auc = RocCurve.ComputeAuc([1, 0, 1, 0, 1, 0, 0], [0.9, 0.7, 0.6, 0.5, 0.4, 0.3, 0.1]);

        Assert.Equal(0.75, auc);
    }

    [Fact]
    public void One_class_only_throws_because_auc_is_undefined()
    {
        var onlyNegatives = Assert.Throws<ArgumentException>(() => RocCurve.ComputeAuc([0, 0, 0], [0.1, 0.5, 0.9]));
        Assert.Contains("undefined", onlyNegatives.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([1, 1], [0.1, 0.5]));
    }

    [Fact]
    public void Rejects_non_finite_scores_and_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.ComputeAuc([0, 1], [0.1, double.NaN]));
        Assert.Throws<ArgumentException>(() => RocCurve.ComputeAuc([0, 1, 1], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => RocCurve.ComputeAuc([], []));
    }
}
