using Mammo.Evaluation;
using Mammo.Runs;

namespace Mammo.Learning.Training;

/// <summary>What a training run produced: its status and, when complete, its evaluation on the test part.</summary>
/// <param name="Folds">Cross-validation: each fold's AUC, and their mean with a 95% t-interval.</param>
public sealed record RunResult(
    RunStatus Status,
    string Detail,
    ModelEvaluation? Evaluation = null,
    ModelEvaluation? EvaluationWithoutTta = null,
    FoldAucSummary? Folds = null)
{
    /// <summary>Baselines, calibration and the validation threshold of a complete run.</summary>
    public RunAssessment? Assessment { get; init; }

    /// <summary>The fused model's AUCs on the same folds, when the run fuses the network with the metadata.</summary>
    public Mammo.Baselines.BaselineSummary? Fusion { get; init; }
}
