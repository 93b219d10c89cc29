namespace Mammo.Evaluation;

/// <summary>One point of a <see cref="RocCurve"/>: the rates when samples scoring at least <paramref name="Threshold"/> are called positive.</summary>
/// <param name="Threshold">+∞ for the first point, (0, 0), where nothing is called positive.</param>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
