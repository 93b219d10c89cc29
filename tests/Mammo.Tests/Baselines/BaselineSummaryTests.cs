using Mammo.Baselines;

namespace Mammo.Tests.Baselines;

public class BaselineSummaryTests
{
    private static BaselineScores Two_folds(params (int Fold, int Label, double Score)[] rows) =>
        new([BaselineKind.Radius], [.. rows.Select((r, i) => new BaselineRow($"s{i}", r.Fold, r.Label, [r.Score]))]);

    [Fact]
    public void Pooled_and_per_fold_aucs_are_the_hand_counted_ones()
    {
        // Fold 0: positives 0.9, 0.3 against negatives 0.1, 0.4: 3 of 4 pairs ordered → 0.75.
        // Fold 1: positives 0.8, 0.6 against 0.2, 0.5: all 4 → 1. Pooled: 14 of 16 pairs → 0.875.
        var scores = Two_folds((0, 0, 0.1), (0, 1, 0.9), (0, 0, 0.4), (0, 1, 0.3), (1, 1, 0.8), (1, 0, 0.2), (1, 1, 0.6), (1, 0, 0.5));

        var summary = BaselineSummary.Of(scores, BaselineKind.Radius, positiveClass: 1, seed: 3);

        Assert.Equal("radius", summary.Name);
        Assert.Equal(8, summary.Count);
        Assert.Equal(0.875, summary.Auc);
        Assert.True(summary.AucLower <= 0.875 && summary.AucUpper >= 0.875);
        Assert.Equal([0.75, 1.0], summary.FoldAucs);
        Assert.Equal(0.875, summary.FoldAucMean);
        // s = 0.125·√2, t(0.975, 1) = 12.7062: half-width 12.7062 · 0.125.
        Assert.Equal(0.875 - (12.706204736174707 * 0.125), summary.FoldAucLower!.Value, 9);
        Assert.Equal(0.875 + (12.706204736174707 * 0.125), summary.FoldAucUpper!.Value, 9);
    }

    [Fact]
    public void A_constant_per_fold_is_at_chance_in_every_fold_but_not_pooled()
    {
        // The prevalence baseline: fold 0 scores everything 0.3, fold 1 0.6. Pooled, positives {0.3, 0.6, 0.6}
        // meet negatives {0.3, 0.3, 0.6}, and the fold with more positives happens to score higher.
        var scores = Two_folds((0, 1, 0.3), (0, 0, 0.3), (0, 0, 0.3), (1, 1, 0.6), (1, 1, 0.6), (1, 0, 0.6));

        var summary = BaselineSummary.Of(scores, BaselineKind.Radius, 1);

        Assert.Equal([0.5, 0.5], summary.FoldAucs);
        // Pairs: 0.3 vs {0.3, 0.3, 0.6} → ½ + ½ + 0; each 0.6 vs {0.3, 0.3, 0.6} → 1 + 1 + ½; total 1 + 5 = 6 of 9.
        Assert.Equal(6.0 / 9, summary.Auc!.Value, 12);
    }

    [Fact]
    public void The_patient_protocol_has_no_folds_and_one_class_has_no_auc()
    {
        var scores = new BaselineScores([BaselineKind.Radius], [new BaselineRow("a", null, 1, [1]), new BaselineRow("b", null, 1, [2])]);

        var summary = BaselineSummary.Of(scores, BaselineKind.Radius, 1);

        Assert.Null(summary.Auc);
        Assert.Empty(summary.FoldAucs);
        Assert.Null(summary.FoldAucMean);
    }
}
