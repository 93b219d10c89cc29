using Mammo.Data;
using Mammo.Evaluation;
using Mammo.Learning.Baselines;
using Mammo.Learning.Calibration;
using Mammo.Runs;
using Mammo.Sampling;

namespace Mammo.Learning.Training;

/// <summary>
/// What a run reports beside its network's AUC: the baselines on the same folds, whether the probabilities are
/// calibrated, the threshold chosen on validation with the test sensitivity and specificity it gives, and (when
/// asked) the same after Platt scaling fitted on validation.
/// </summary>
/// <param name="Baselines">Null under the leaky protocol (no honest split to fit them on).</param>
/// <param name="Threshold">Null without validation predictions holding both classes.</param>
/// <param name="Calibrated">Null unless the run was asked to calibrate.</param>
public sealed record RunAssessment(BaselineReport? Baselines, CalibrationSummary? Calibration, ValidationThreshold? Threshold, CalibratedResult? Calibrated)
{
    /// <param name="units">The run's units; empty under the leaky protocol.</param>
    /// <param name="validation">The network's validation-part predictions, unit by unit (fold set in cross-validation).</param>
    /// <param name="test">The network's test predictions (with test-time augmentation).</param>
    public static RunAssessment Compute(
        DatasetSource source,
        ClassificationTask task,
        RunConfig config,
        IReadOnlyList<EvaluationUnit> units,
        IReadOnlyList<Prediction> validation,
        IReadOnlyList<Prediction> test,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        var positive = task.PositiveClass;
        var baselines = units.Count > 0 ? BaselineRunner.Run(source, task, units, config.Seed, cancellationToken: cancellationToken) : null;
        var calibration = test.Count > 0 ? CalibrationSummary.Of(test, positive) : null;
        var threshold = ValidationThreshold.Choose(validation, test, positive);
        return new RunAssessment(baselines, calibration, threshold, config.Calibrate && test.Count > 0 ? Calibrate(validation, test, positive, config.Seed) : null);
    }

    private static CalibratedResult Calibrate(IReadOnlyList<Prediction> validation, IReadOnlyList<Prediction> test, int positive, int seed)
    {
        var platt = new List<PlattScaling?>();
        var calibratedValidation = new List<Prediction>();
        var calibratedTest = new List<Prediction>();
        foreach (var fold in test.Select(p => p.Fold).Distinct().Order())
        {
            var part = validation.Where(p => p.Fold == fold).ToList();
            var scaling = part.Select(p => p.TrueLabel == positive).Distinct().Count() == 2
                ? PlattFit.Fit([.. part.Select(p => p.Probabilities[positive])], [.. part.Select(p => p.TrueLabel == positive)])
                : null;
            platt.Add(scaling);
            calibratedValidation.AddRange(part.Select(p => Apply(p, scaling, positive)));
            calibratedTest.AddRange(test.Where(p => p.Fold == fold).Select(p => Apply(p, scaling, positive)));
        }

        var labels = calibratedTest.Select(p => p.TrueLabel == positive ? 1 : 0).ToArray();
        var scores = calibratedTest.Select(p => p.Probabilities[positive]).ToArray();
        var interval = labels.Distinct().Count() == 2 ? Bootstrap.Auc(labels, scores, seed: seed) : null;
        return new CalibratedResult(
            platt,
            interval?.Estimate,
            interval?.Lower,
            interval?.Upper,
            CalibrationSummary.Of(calibratedTest, positive),
            ValidationThreshold.Choose(calibratedValidation, calibratedTest, positive));
    }

    // The positive class takes the calibrated probability and the others share the rest in their old proportions.
    private static Prediction Apply(Prediction p, PlattScaling? scaling, int positive)
    {
        if (scaling is null)
        {
            return p;
        }

        var calibrated = scaling.Apply(p.Probabilities[positive]);
        var rest = 1 - p.Probabilities[positive];
        var others = p.Probabilities.Count - 1;
        double[] probabilities = [.. p.Probabilities.Select((q, c) => c == positive ? calibrated : rest > 0 ? q / rest * (1 - calibrated) : (1 - calibrated) / others)];
        return p with { Probabilities = probabilities };
    }
}
