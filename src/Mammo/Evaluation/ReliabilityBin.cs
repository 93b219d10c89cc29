namespace Mammo.Evaluation;

/// <summary>
/// One bin of a reliability diagram: predicted probabilities in [<paramref name="Lower"/>, <paramref name="Upper"/>)
/// (the last bin also holds 1), their mean, and the fraction of those samples that are positive. An empty bin
/// has count 0 and null means.
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double? MeanPredicted, double? ObservedFraction);
