namespace Mammo.Reporting.Figures;

/// <summary>
/// One cell of an experiment grid as <see cref="ResultsFigure"/> draws it: precision, recall and F1 of the malignant
/// (positive) class, and the AUC with its 95% confidence interval where one was computed.
/// </summary>
/// <param name="Name">The cell's label, e.g. "calc · cv · class".</param>
/// <param name="Leaky">Whether the cell was evaluated under a protocol that lets a patient's images reach both the
/// training and the test side, so its scores are optimistic and are drawn apart.</param>
/// <param name="Auc">Null where no AUC was computed (e.g. a single-class test side): no AUC bar is drawn.</param>
/// <param name="AucLower">Lower end of the AUC's 95% CI; the error bar needs both ends.</param>
/// <param name="AucUpper">Upper end of the AUC's 95% CI.</param>
public sealed record CellMetrics(string Name, bool Leaky, double Precision, double Recall, double F1, double? Auc, double? AucLower, double? AucUpper);
