using Mammo.Evaluation;

namespace Mammo.Baselines;

/// <summary>
/// One baseline's held-out ROC AUC, read two ways: pooled over every test sample with a percentile bootstrap
/// 95% interval, and (cross-validation) the mean of the per-fold AUCs with a Student's t 95% interval.
/// </summary>
/// <param name="FoldAucs">Per fold, in fold order; null for a fold whose test part holds one class. Empty under the patient protocol.</param>
public sealed record BaselineSummary(
    string Name,
    int Count,
    double? Auc,
    double? AucLower,
    double? AucUpper,
    IReadOnlyList<double?> FoldAucs,
    double? FoldAucMean,
    double? FoldAucLower,
    double? FoldAucUpper)
{
    /// <param name="positiveClass">The label counted as positive; every other label is negative.</param>
    /// <param name="seed">The bootstrap's seed (a run uses its own seed, as for the network's interval).</param>
    public static BaselineSummary Of(BaselineScores scores, BaselineKind kind, int positiveClass, int seed = 0, int resamples = Bootstrap.DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Of(kind.Code(), [.. scores.Rows.Select(r => (r.Fold, r.Label))], scores.ScoresOf(kind), positiveClass, seed, resamples);
    }

    /// <summary>The same summary for any model's held-out scores (a fused model's, say), sample by sample with its fold and label.</summary>
    public static BaselineSummary Of(string name, IReadOnlyList<(int? Fold, int Label)> samples, IReadOnlyList<double> values, int positiveClass, int seed = 0, int resamples = Bootstrap.DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(values);
        var labels = samples.Select(r => r.Label == positiveClass ? 1 : 0).ToArray();
        var scores = values.ToArray();
        double? auc = null, lower = null, upper = null;
        if (labels.Distinct().Count() == 2)
        {
            var interval = Bootstrap.Auc(labels, scores, resamples, seed);
            (auc, lower, upper) = (interval.Estimate, interval.Lower, interval.Upper);
        }

        var folds = samples.Select((r, i) => (r.Fold, Label: labels[i], Score: scores[i]))
            .Where(x => x.Fold is not null)
            .GroupBy(x => x.Fold!.Value)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(x => x.Label).Distinct().Count() == 2
                ? RocCurve.ComputeAuc([.. g.Select(x => x.Label)], [.. g.Select(x => x.Score)])
                : (double?)null)
            .ToList();
        var known = folds.Where(a => a is not null).Select(a => a!.Value).ToList();
        var mean = known.Count > 1 ? MeanConfidenceInterval.Compute(known) : null;
        return new BaselineSummary(name, samples.Count, auc, lower, upper, folds, mean?.Mean, mean?.Lower, mean?.Upper);
    }
}
