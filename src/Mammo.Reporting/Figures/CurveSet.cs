namespace Mammo.Reporting.Figures;

/// <summary>
/// The learning curves of one training run (one fold of a cross-validation), and the epoch whose weights were kept
/// (marked on the figure; no mark when it is not among the epochs).
/// </summary>
public sealed record CurveSet(string Name, IReadOnlyList<EpochPoint> Epochs, int BestEpoch);
