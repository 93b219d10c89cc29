namespace Mammo.Reporting.Figures;

/// <summary>One model's held-out AUC with its 95% interval (null where the test part holds one class).</summary>
public sealed record ModelAuc(string Model, double? Auc, double? Lower, double? Upper);
