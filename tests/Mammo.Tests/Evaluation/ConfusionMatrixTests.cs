using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class ConfusionMatrixTests
{
    private static readonly string[] s_names = ["class 0", "class 1", "class 2"];

    [Fact]
    public void Counts_rows_by_true_class_and_columns_by_prediction_like_scikit_learn()
    {
        // scikit-learn's confusion_matrix docstring: y_true=[2,0,2,2,0,1], y_pred=[0,0,2,2,0,2]
        // gives [[2,0,0],[0,0,1],[1,0,2]].
        var matrix = ConfusionMatrix.Compute([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3);

        Assert.Equal(new[,] { { 2, 0, 0 }, { 0, 0, 1 }, { 1, 0, 2 } }, matrix.ToArray());
        Assert.Equal(6, matrix.Total);
        Assert.Equal(4, matrix.Correct);
        Assert.Equal(4.0 / 6.0, matrix.Accuracy, 1e-14);
        Assert.Equal(["0", "1", "2"], matrix.ClassNames);
        Assert.Equal(3, matrix.Support(2));
        Assert.Equal(3, matrix.PredictedCount(0));
    }

    [Fact]
    public void Binary_cells_are_tn_fp_fn_tp_in_reading_order()
    {
        // scikit-learn's docstring: confusion_matrix([0,1,0,1],[1,1,1,0]).ravel() == (tn, fp, fn, tp) == (0, 2, 1, 1).
        var matrix = ConfusionMatrix.Compute([0, 1, 0, 1], [1, 1, 1, 0], 2);

        Assert.Equal(0, matrix[0, 0]);
        Assert.Equal(2, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 0]);
        Assert.Equal(1, matrix[1, 1]);
    }

    [Fact]
    public void Row_percentages_divide_by_the_true_class_count_and_empty_rows_are_zero()
    {
        // Class 2 never occurs as a true label: scikit-learn's normalize="true" turns its NaN row into zeros.
        var matrix = ConfusionMatrix.Compute([0, 0, 0, 1], [0, 0, 1, 2], 3);

        var percentages = matrix.RowPercentages();

        Assert.Equal(200.0 / 3.0, percentages[0, 0], 1e-12);
        Assert.Equal(100.0 / 3.0, percentages[0, 1], 1e-12);
        Assert.Equal(0.0, percentages[0, 2]);
        Assert.Equal(100.0, percentages[1, 2]);
        Assert.Equal(0.0, percentages[2, 0]);
        Assert.Equal(0.0, percentages[2, 2]);
        Assert.Equal(100.0 / 3.0, matrix.RowPercentage(0, 1), 1e-12);
    }

    [Fact]
    public void ToString_is_an_aligned_table_with_named_rows_and_columns()
    {
        var matrix = ConfusionMatrix.Compute([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3, s_names);

        var expected =
            "true\\pred  class 0  class 1  class 2\n" +
            "class 0          1        0        0\n" +
            "class 1          1        0        0\n" +
            "class 2          0        1        2";
        Assert.Equal(expected, matrix.ToString());
    }

    [Fact]
    public void Percentage_table_rounds_each_row_share()
    {
        var matrix = ConfusionMatrix.Compute([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3, s_names);

        var expected =
            "true\\pred  class 0  class 1  class 2\n" +
            "class 0     100.0%     0.0%     0.0%\n" +
            "class 1     100.0%     0.0%     0.0%\n" +
            "class 2       0.0%    33.3%    66.7%";
        Assert.Equal(expected, matrix.ToPercentageString());
    }

    [Fact]
    public void Columns_widen_for_large_counts_and_short_names()
    {
        var matrix = ConfusionMatrix.FromCounts(new[,] { { 12345, 6 }, { 78, 9 } }, ["N", "M"]);

        var expected =
            "true\\pred      N  M\n" +
            "N          12345  6\n" +
            "M             78  9";
        Assert.Equal(expected, matrix.ToString());
        Assert.Equal(12438, matrix.Total);
    }

    [Fact]
    public void Rejects_labels_outside_the_classes_and_mismatched_inputs()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 3], [0, 1], 3));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 1], [0, -1], 3));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 1], [0], 3));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 1], [0, 1], 2, ["only one"]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts(new int[2, 3]));
    }
}
