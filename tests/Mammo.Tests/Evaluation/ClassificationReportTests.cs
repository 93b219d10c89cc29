using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class ClassificationReportTests
{
    [Fact]
    public void Prints_scikit_learns_documented_example_character_for_character()
    {
        var report = ClassificationReport.Compute(
            [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3, ["class 0", "class 1", "class 2"]);

        // classification_report docstring output; the string ends with the newline after the last row.
        var expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "     class 0       0.50      1.00      0.67         1\n" +
            "     class 1       0.00      0.00      0.00         1\n" +
            "     class 2       1.00      0.67      0.80         3\n" +
            "\n" +
            "    accuracy                           0.60         5\n" +
            "   macro avg       0.50      0.56      0.49         5\n" +
            "weighted avg       0.70      0.60      0.61         5\n";
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void Documented_example_numbers_are_exposed_as_data()
    {
        var report = ClassificationReport.Compute(
            [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3, ["class 0", "class 1", "class 2"]);

        Assert.Equal(new ClassMetrics("class 0", 0.5, 1.0, 2.0 / 3.0, 1), report.Classes[0]);
        // Class 1 is never predicted correctly: precision 0/1, recall 0/1 and F1 0.
        Assert.Equal(new ClassMetrics("class 1", 0.0, 0.0, 0.0, 1), report.Classes[1]);
        Assert.Equal("class 2", report.Classes[2].Name);
        Assert.Equal(1.0, report.Classes[2].Precision);
        Assert.Equal(2.0 / 3.0, report.Classes[2].Recall, 1e-14);
        Assert.Equal(0.8, report.Classes[2].F1Score, 1e-14);
        Assert.Equal(3, report.Classes[2].Support);
        Assert.Equal(0.6, report.Accuracy, 1e-14);
        Assert.Equal(0.5, report.MacroAverage.Precision, 1e-14);
        Assert.Equal(5.0 / 9.0, report.MacroAverage.Recall, 1e-14);
        Assert.Equal((2.0 / 3.0 + 0.8) / 3.0, report.MacroAverage.F1Score, 1e-14);
        Assert.Equal(0.7, report.WeightedAverage.Precision, 1e-14);
        Assert.Equal(0.6, report.WeightedAverage.Recall, 1e-14);
        Assert.Equal((2.0 / 3.0 + 3 * 0.8) / 5.0, report.WeightedAverage.F1Score, 1e-14);
        Assert.Equal(5, report.Support);
        Assert.True(report.AllClassesObserved);
    }

    [Fact]
    public void Binary_case_matches_hand_computed_values()
    {
        // 6 normal, 4 abnormal. Normal: 4 right, 2 called abnormal. Abnormal: 3 right, 1 called normal.
        int[] yTrue = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        int[] yPred = [0, 0, 0, 0, 1, 1, 1, 1, 1, 0];

        var report = ClassificationReport.Compute(yTrue, yPred, 2);

        var normal = report.Classes[0];
        Assert.Equal("0", normal.Name);
        Assert.Equal(4.0 / 5.0, normal.Precision, 1e-14);
        Assert.Equal(4.0 / 6.0, normal.Recall, 1e-14);
        Assert.Equal(8.0 / 11.0, normal.F1Score, 1e-14);
        Assert.Equal(6, normal.Support);
        var abnormal = report.Classes[1];
        Assert.Equal(3.0 / 5.0, abnormal.Precision, 1e-14);
        Assert.Equal(3.0 / 4.0, abnormal.Recall, 1e-14);
        Assert.Equal(6.0 / 9.0, abnormal.F1Score, 1e-14);
        Assert.Equal(4, abnormal.Support);
        Assert.Equal(0.7, report.Accuracy, 1e-14);
        Assert.Equal(0.7, report.MacroAverage.Precision, 1e-14);
        Assert.Equal((4.0 / 6.0 + 0.75) / 2.0, report.MacroAverage.Recall, 1e-14);
        Assert.Equal((8.0 / 11.0 + 2.0 / 3.0) / 2.0, report.MacroAverage.F1Score, 1e-14);
        Assert.Equal(0.72, report.WeightedAverage.Precision, 1e-14);
        Assert.Equal(0.7, report.WeightedAverage.Recall, 1e-14);
        Assert.Equal(((6 * 8.0 / 11.0) + (4 * 2.0 / 3.0)) / 10.0, report.WeightedAverage.F1Score, 1e-14);
        Assert.Equal(10, report.WeightedAverage.Support);
    }

    [Fact]
    public void Long_names_widen_the_first_column_and_digits_change_every_number()
    {
        int[] yTrue = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        int[] yPred = [0, 0, 0, 0, 1, 1, 1, 1, 1, 0];

        var report = ClassificationReport.Compute(yTrue, yPred, 2, ["normal tissue", "abnormal (lesion)"]) with { Digits = 3 };

        // Output of scikit-learn's formatting code for classification_report(..., digits=3).
        var expected =
            "                   precision    recall  f1-score   support\n" +
            "\n" +
            "    normal tissue      0.800     0.667     0.727         6\n" +
            "abnormal (lesion)      0.600     0.750     0.667         4\n" +
            "\n" +
            "         accuracy                          0.700        10\n" +
            "        macro avg      0.700     0.708     0.697        10\n" +
            "     weighted avg      0.720     0.700     0.703        10\n";
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void Rounds_exact_ties_half_to_even_as_python_does()
    {
        // Class "pos" has precision exactly 1/8, a tie at two decimals: Python rounds half to even and prints 0.12.
        int[] yTrue = [1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
        int[] yPred = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];

        var report = ClassificationReport.Compute(yTrue, yPred, 2, ["neg", "pos"]);

        Assert.Equal(0.125, report.Classes[1].Precision);
        var expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "         neg       0.00      0.00      0.00         7\n" +
            "         pos       0.12      0.11      0.12         9\n" +
            "\n" +
            "    accuracy                           0.06        16\n" +
            "   macro avg       0.06      0.06      0.06        16\n" +
            "weighted avg       0.07      0.06      0.07        16\n";
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void Zero_digits_prints_integers_rounded_half_to_even()
    {
        var twoDigits = ClassificationReport.Compute(
            [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3, ["class 0", "class 1", "class 2"]);

        var report = twoDigits with { Digits = 0 };

        // 0.5 rounds to 0, 0.6 and 0.67 to 1, as in Python's '{:.0f}'.
        var expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "     class 0          0         1         1         1\n" +
            "     class 1          0         0         0         1\n" +
            "     class 2          1         1         1         3\n" +
            "\n" +
            "    accuracy                              1         5\n" +
            "   macro avg          0         1         0         5\n" +
            "weighted avg          1         1         1         5\n";
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void A_class_absent_from_the_data_scores_zero_and_turns_accuracy_into_micro_avg()
    {
        // As classification_report(y_true, y_pred, labels=[0, 1, 2]) when label 2 never occurs.
        var report = ClassificationReport.Compute([0, 0, 1], [0, 1, 1], 3);

        Assert.False(report.AllClassesObserved);
        Assert.Equal(new ClassMetrics("2", 0.0, 0.0, 0.0, 0), report.Classes[2]);
        Assert.Equal(new ClassMetrics("micro avg", 2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 3), report.MicroAverage);
        var expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       1.00      0.50      0.67         2\n" +
            "           1       0.50      1.00      0.67         1\n" +
            "           2       0.00      0.00      0.00         0\n" +
            "\n" +
            "   micro avg       0.67      0.67      0.67         3\n" +
            "   macro avg       0.50      0.50      0.44         3\n" +
            "weighted avg       0.83      0.67      0.67         3\n";
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void Built_from_a_confusion_matrix_it_matches_the_label_form()
    {
        var matrix = ConfusionMatrix.FromCounts(new[,] { { 1, 0, 0 }, { 1, 0, 0 }, { 0, 1, 2 } }, ["class 0", "class 1", "class 2"]);

        var fromMatrix = ClassificationReport.FromConfusionMatrix(matrix);
        var fromLabels = ClassificationReport.Compute(
            [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3, ["class 0", "class 1", "class 2"]);

        Assert.Equal(fromLabels.ToString(), fromMatrix.ToString());
        Assert.Equal(fromLabels.Classes, fromMatrix.Classes);
    }

    [Fact]
    public void Rejects_negative_digits_and_empty_input()
    {
        var report = ClassificationReport.Compute([0, 1], [0, 1], 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => report with { Digits = -1 });
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([], [], 2));
    }
}
