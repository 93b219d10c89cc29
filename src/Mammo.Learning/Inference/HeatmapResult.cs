using Mammo.Localisation;

namespace Mammo.Learning.Inference;

/// <summary>
/// A heat map: <see cref="Grid"/>[r, c] covers the scan evenly (NaN outside the breast), the best regions after
/// non-maximum suppression, the breast area in pixels, and the seconds it took.
/// </summary>
public sealed record HeatmapResult(double[,] Grid, IReadOnlyList<ScoredRegion> Top, int BreastArea, double Seconds)
{
    /// <summary>
    /// The median score over every window the map could list (on tissue, at every scale): what this breast scores
    /// anywhere, the reference <see cref="ScanRelativeScores"/> measures a region against. NaN when no window qualified.
    /// </summary>
    public double TissueMedian { get; init; } = double.NaN;
}
