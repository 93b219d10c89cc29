namespace Mammo.Evaluation;

/// <summary>
/// Everything reported for one set of predictions: scikit-learn's classification report and confusion matrix,
/// and for the positive class (malignant, or abnormal) against the rest: ROC AUC with a bootstrap 95%
/// confidence interval, average precision, sensitivity and specificity at a probability threshold.
/// </summary>
/// <param name="Auc">Null when the predictions hold only one class (AUC undefined).</param>
public sealed record ModelEvaluation(
    ClassificationReport Report,
    ConfusionMatrix Confusion,
    string PositiveClass,
    double? Auc,
    BootstrapInterval? AucInterval,
    double? AveragePrecision,
    ThresholdMetrics? AtThreshold,
    int Count)
{
    public static ModelEvaluation Compute(
        IReadOnlyList<Prediction> predictions,
        IReadOnlyList<string> classNames,
        int positiveClass,
        int seed = 0,
        int resamples = Bootstrap.DefaultResamples,
        double threshold = ThresholdMetrics.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(classNames);
        var yTrue = predictions.Select(p => p.TrueLabel).ToArray();
        var yPred = predictions.Select(p => p.PredictedLabel).ToArray();
        var confusion = ConfusionMatrix.Compute(yTrue, yPred, classNames.Count, classNames);
        var report = ClassificationReport.FromConfusionMatrix(confusion);
        var binary = yTrue.Select(y => y == positiveClass ? 1 : 0).ToArray();
        var scores = predictions.Select(p => p.Probabilities[positiveClass]).ToArray();
        if (binary.Distinct().Count() < 2)
        {
            return new ModelEvaluation(report, confusion, classNames[positiveClass], null, null, null, null, predictions.Count);
        }

        return new ModelEvaluation(
            report,
            confusion,
            classNames[positiveClass],
            RocCurve.ComputeAuc(binary, scores),
            Bootstrap.Auc(binary, scores, resamples, seed),
            Evaluation.AveragePrecision.Compute(binary, scores),
            ThresholdMetrics.Compute(binary, scores, threshold),
            predictions.Count);
    }
}
