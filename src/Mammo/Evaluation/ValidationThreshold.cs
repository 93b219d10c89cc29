namespace Mammo.Evaluation;

/// <summary>
/// A threshold chosen where it is allowed to be chosen, on the validation part (maximising Youden's J), then used
/// once on the test part. In cross-validation each fold's threshold comes from its own validation part and is
/// applied to its own test part; the counts are summed over folds.
/// </summary>
/// <param name="Thresholds">Per unit (the model, or each fold in fold order); null where the validation part holds one class and no threshold could be chosen.</param>
/// <param name="TruePositives">Test counts summed over units; a unit without a threshold is left out.</param>
public sealed record ValidationThreshold(IReadOnlyList<double?> Thresholds, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>Test sensitivity at the validation-chosen thresholds; 0 without positives, as <see cref="ThresholdMetrics"/>.</summary>
    public double Sensitivity => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double Specificity => TrueNegatives + FalsePositives == 0 ? 0 : (double)TrueNegatives / (TrueNegatives + FalsePositives);

    /// <summary>Null when no unit's validation part holds both classes.</summary>
    public static ValidationThreshold? Choose(IReadOnlyList<Prediction> validation, IReadOnlyList<Prediction> test, int positiveClass)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        var thresholds = new List<double?>();
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var fold in test.Select(p => p.Fold).Distinct().Order())
        {
            var part = validation.Where(p => p.Fold == fold).ToList();
            var labels = part.Select(p => p.TrueLabel == positiveClass ? 1 : 0).ToArray();
            if (labels.Distinct().Count() < 2)
            {
                thresholds.Add(null);
                continue;
            }

            var (threshold, _) = YoudenThreshold.Choose(labels, [.. part.Select(p => p.Probabilities[positiveClass])]);
            thresholds.Add(threshold);
            var held = test.Where(p => p.Fold == fold).ToList();
            var counts = ThresholdMetrics.Compute([.. held.Select(p => p.TrueLabel == positiveClass ? 1 : 0)], [.. held.Select(p => p.Probabilities[positiveClass])], threshold);
            (tp, fp, tn, fn) = (tp + counts.TruePositives, fp + counts.FalsePositives, tn + counts.TrueNegatives, fn + counts.FalseNegatives);
        }

        return thresholds.All(t => t is null) ? null : new ValidationThreshold(thresholds, tp, fp, tn, fn);
    }
}
