namespace Mammo.Evaluation;

/// <summary>
/// Cross-validation's per-fold ROC AUCs (null for a fold whose test part holds one class only) and their mean
/// with a Student's t interval (null with fewer than two defined AUCs).
/// </summary>
public sealed record FoldAucSummary(IReadOnlyList<double?> Aucs, MeanConfidenceInterval? Mean)
{
    /// <summary>Groups out-of-fold predictions by <see cref="Prediction.Fold"/>, in fold order.</summary>
    public static FoldAucSummary Of(IEnumerable<Prediction> predictions, int positiveClass)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var aucs = predictions.GroupBy(p => p.Fold).OrderBy(g => g.Key).Select(g => Auc([.. g], positiveClass)).ToList();
        var known = aucs.Where(a => a is not null).Select(a => a!.Value).ToList();
        return new FoldAucSummary(aucs, known.Count > 1 ? MeanConfidenceInterval.Compute(known) : null);
    }

    public static double? Auc(IReadOnlyList<Prediction> predictions, int positiveClass)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var labels = predictions.Select(p => p.TrueLabel == positiveClass ? 1 : 0).ToArray();
        return labels.Distinct().Count() < 2 ? null : RocCurve.ComputeAuc(labels, [.. predictions.Select(p => p.Probabilities[positiveClass])]);
    }
}
