using Mammo.Localisation;

namespace Mammo.Learning.Inference;

/// <summary>
/// A heat map: <see cref="Grid"/>[r, c] covers the scan evenly (NaN outside the breast), the best regions after
/// non-maximum suppression, the breast area in pixels, and the seconds it took.
/// </summary>
public sealed record HeatmapResult(double[,] Grid, IReadOnlyList<ScoredRegion> Top, int BreastArea, double Seconds);
