namespace Mammo.Evaluation;

/// <summary>One row of a <see cref="ClassificationReport"/>: a class, or an average over classes.</summary>
/// <param name="Support">Samples whose true class is this one; for an average, all samples.</param>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1Score, int Support);
