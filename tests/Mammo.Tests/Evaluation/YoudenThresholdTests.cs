using Mammo.Data;
using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class YoudenThresholdTests
{
    [Fact]
    public void The_threshold_with_the_largest_sensitivity_plus_specificity_wins_and_ties_go_to_the_higher()
    {
        // Thresholds high to low with (TP, FP) of 3 positives and 3 negatives: 0.8 (1, 0) J = 1/3; 0.7 (2, 0) J = 2/3;
        // 0.5 (2, 1) J = 1/3; 0.4 (2, 2) J = 0; 0.35 (3, 2) J = 1/3; 0.1 (3, 3) J = 0.
        var (threshold, j) = YoudenThreshold.Choose([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.5, 0.7]);

        Assert.Equal(0.7, threshold);
        Assert.Equal(2.0 / 3, j, 12);
        // 0.9 (1, 0) and 0.2 (2, 1) both give J = ½: the higher threshold is kept.
        Assert.Equal(0.9, YoudenThreshold.Choose([1, 0, 1, 0], [0.9, 0.5, 0.2, 0.1]).Threshold);
    }

    [Fact]
    public void Each_fold_uses_the_threshold_of_its_own_validation_part()
    {
        static Prediction P(int fold, int label, double p) => new($"{fold}-{label}-{p}", "s", new Patient(1), fold, label, [1 - p, p]);
        // Fold 0 validation separates at 0.6, fold 1's at 0.3.
        Prediction[] validation = [P(0, 0, 0.5), P(0, 1, 0.6), P(1, 0, 0.2), P(1, 1, 0.3)];
        // Fold 0 test at 0.6: 0.65 → TP, 0.55 → FN, 0.7 → FP. Fold 1 test at 0.3: 0.35 → TP, 0.25 → TN.
        Prediction[] test = [P(0, 1, 0.65), P(0, 1, 0.55), P(0, 0, 0.7), P(1, 1, 0.35), P(1, 0, 0.25)];

        var chosen = ValidationThreshold.Choose(validation, test, positiveClass: 1)!;

        Assert.Equal([0.6, 0.3], chosen.Thresholds);
        Assert.Equal((2, 1, 1, 1), (chosen.TruePositives, chosen.FalsePositives, chosen.TrueNegatives, chosen.FalseNegatives));
        Assert.Equal(2.0 / 3, chosen.Sensitivity, 12);
        Assert.Equal(0.5, chosen.Specificity, 12);
    }

    [Fact]
    public void No_threshold_without_both_classes_in_validation()
    {
        var p = new Prediction("a", "a", new Patient(1), null, 1, [0.2, 0.8]);

        Assert.Null(ValidationThreshold.Choose([p], [p], 1));
    }
}
