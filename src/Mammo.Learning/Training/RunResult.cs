using Mammo.Evaluation;
using Mammo.Runs;

namespace Mammo.Learning.Training;

/// <summary>What a training run produced: its status and, when complete, its evaluation on the test part.</summary>
/// <param name="FoldAuc">Cross-validation: the mean of the per-fold AUCs with a 95% t-interval.</param>
public sealed record RunResult(
    RunStatus Status,
    string Detail,
    ModelEvaluation? Evaluation = null,
    ModelEvaluation? EvaluationWithoutTta = null,
    IReadOnlyList<double?>? FoldAucs = null,
    MeanConfidenceInterval? FoldAuc = null)
{
    /// <summary>Baselines, calibration and the validation threshold of a complete run.</summary>
    public RunAssessment? Assessment { get; init; }
}
