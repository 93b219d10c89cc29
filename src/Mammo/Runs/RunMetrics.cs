using Mammo.Baselines;
using Mammo.Evaluation;
using Mammo.Sampling;

namespace Mammo.Runs;

/// <summary>The content of a run's <c>metrics.json</c> (keys in snake_case; documented in docs/training.md).</summary>
public sealed record RunMetrics(
    string Task,
    IReadOnlyList<string> Classes,
    EvaluationProtocol Protocol,
    bool Leaky,
    string? Warning,
    string Model,
    Balancing Balancing,
    int Seed,
    EvaluationSummary TestTta,
    EvaluationSummary TestNoTta,
    IReadOnlyList<double?>? FoldAucs,
    MeanConfidenceInterval? FoldAucMean)
{
    /// <summary>The network's name; a former one (in an older metrics.json) reads as today's (<see cref="ModelNames"/>).</summary>
    public string Model { get; init; } = ModelNames.Canonical(Model);

    /// <summary>Each baseline's AUCs on the run's own folds, by name (prevalence, radius, metadata, features); null under the leaky protocol.</summary>
    public IReadOnlyDictionary<string, BaselineSummary>? Baselines { get; init; }

    /// <summary>With a fusion in the config: the fused model's AUCs on the run's folds, read like a baseline's; null otherwise.</summary>
    public BaselineSummary? Fusion { get; init; }

    /// <summary>
    /// For a detect run: the feature detector stored beside the networks (a linear model on hand-crafted features of
    /// each window, fitted to rank the windows of each unit's training and validation scans), on the same test regions;
    /// null for other tasks and for runs of an older Mammo.
    /// </summary>
    public BaselineSummary? FeatureDetector { get; init; }

    /// <summary>Brier score, ECE and reliability bins of the test probabilities of the positive class.</summary>
    public CalibrationSummary? Calibration { get; init; }

    /// <summary>The threshold maximising Youden's J on validation, and the test sensitivity and specificity it gives.</summary>
    public ValidationThreshold? ValidationThreshold { get; init; }

    /// <summary>With <c>calibrate</c> in the config: the same after Platt scaling fitted on validation.</summary>
    public CalibratedResult? Calibrated { get; init; }

    public const string LeakyWarning =
        "WARNING: leaky protocol (the original study's): augmented copies of one lesion are on both sides of the split and the test part also chose the model. These numbers are inflated; the patient and cv protocols give honest ones.";

    public static RunMetrics Of(RunConfig config, ClassificationTask task, ModelEvaluation tta, ModelEvaluation noTta, IReadOnlyList<double?>? foldAucs, MeanConfidenceInterval? foldMean)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(task);
        return new RunMetrics(
            task.Name,
            task.ClassNames,
            config.Protocol,
            config.Leaky,
            config.Leaky ? LeakyWarning : null,
            config.Model,
            config.Balancing,
            config.Seed,
            EvaluationSummary.Of(tta),
            EvaluationSummary.Of(noTta),
            foldAucs,
            foldMean);
    }
}
