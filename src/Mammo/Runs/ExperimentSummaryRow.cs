using Mammo.Sampling;

namespace Mammo.Runs;

/// <summary>
/// One cell's line in the summary: the positive class's (malignant's) precision, recall and F1 on the test part,
/// accuracy, the AUC with its bootstrap 95% interval, and for cross-validation the mean fold AUC with its t-interval.
/// Metrics are null when the cell did not complete.
/// </summary>
public sealed record ExperimentSummaryRow(
    string Cell,
    string Task,
    Balancing Balancing,
    EvaluationProtocol Protocol,
    bool Leaky,
    ExperimentCellState Status,
    string Detail,
    int? TestCount,
    double? Accuracy,
    string? PositiveClass,
    double? Precision,
    double? Recall,
    double? F1,
    double? Auc,
    double? AucLower,
    double? AucUpper,
    double? FoldAucMean,
    double? FoldAucLower,
    double? FoldAucUpper,
    double? Seconds)
{
    /// <summary>The baselines scored on the cell's own test parts, by name (prevalence, radius, metadata, features); empty when none were.</summary>
    public IReadOnlyDictionary<string, Mammo.Baselines.BaselineSummary> Baselines { get; init; } = new Dictionary<string, Mammo.Baselines.BaselineSummary>();
}
