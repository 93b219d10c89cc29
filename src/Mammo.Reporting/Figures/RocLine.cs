namespace Mammo.Reporting.Figures;

/// <summary>
/// One ROC curve as matching false- and true-positive rates (0..1, in drawing order), with its AUC and 95%
/// confidence interval where known.
/// </summary>
public sealed record RocLine(
    string Name, IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates, double? Auc, double? AucLower, double? AucUpper);
