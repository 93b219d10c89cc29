using Mammo.Evaluation;

namespace Mammo.Runs;

/// <summary>One evaluation flattened for JSON: report rows, confusion counts, AUC and its interval, AP, threshold metrics.</summary>
public sealed record EvaluationSummary(
    int Count,
    double Accuracy,
    IReadOnlyList<ClassMetrics> Classes,
    ClassMetrics MacroAverage,
    ClassMetrics WeightedAverage,
    int[][] Confusion,
    string PositiveClass,
    double? Auc,
    double? AucLower,
    double? AucUpper,
    double? AveragePrecision,
    double? Sensitivity,
    double? Specificity,
    double? Threshold)
{
    public static EvaluationSummary Of(ModelEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var k = e.Confusion.ClassCount;
        return new EvaluationSummary(
            e.Count,
            e.Report.Accuracy,
            e.Report.Classes,
            e.Report.MacroAverage,
            e.Report.WeightedAverage,
            [.. Enumerable.Range(0, k).Select(t => Enumerable.Range(0, k).Select(p => e.Confusion[t, p]).ToArray())],
            e.PositiveClass,
            e.Auc,
            e.AucInterval?.Lower,
            e.AucInterval?.Upper,
            e.AveragePrecision,
            e.AtThreshold?.Sensitivity,
            e.AtThreshold?.Specificity,
            e.AtThreshold?.Threshold);
    }
}
