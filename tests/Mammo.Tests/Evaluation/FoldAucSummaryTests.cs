using Mammo.Data;
using Mammo.Evaluation;

namespace Mammo.Tests.Evaluation;

public class FoldAucSummaryTests
{
    private static Prediction P(int fold, int label, double malignant) =>
        new($"s{fold}-{label}-{malignant}", "s", new Patient(1), fold, label, [1 - malignant, malignant]);

    [Fact]
    public void Each_fold_gets_its_own_auc_and_a_fold_with_one_class_has_none()
    {
        Prediction[] predictions =
        [
            P(1, 0, 0.9), P(1, 1, 0.1),                // fold 1: reversed → 0
            P(0, 0, 0.2), P(0, 1, 0.8), P(0, 1, 0.3),  // fold 0: positives 0.8, 0.3 vs negative 0.2 → 1
            P(2, 1, 0.6),                              // fold 2: malignant only → undefined
        ];

        var summary = FoldAucSummary.Of(predictions, positiveClass: 1);

        Assert.Equal([1.0, 0.0, null], summary.Aucs);
        Assert.Equal(0.5, summary.Mean!.Mean, 12);
        Assert.Equal(2, summary.Mean.Count);
        // s = √0.5, t(0.975, 1) = 12.7062: half width 12.7062 · √0.5 / √2 = 6.3531.
        Assert.Equal(6.3531, summary.Mean.HalfWidth, 3);
    }

    [Fact]
    public void A_single_defined_auc_has_no_interval()
    {
        var summary = FoldAucSummary.Of([P(0, 0, 0.2), P(0, 1, 0.8)], positiveClass: 1);

        Assert.Equal([1.0], summary.Aucs);
        Assert.Null(summary.Mean);
    }
}
