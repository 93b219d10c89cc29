using Mammo.Learning.Training;

namespace Mammo.Web.Api;

/// <summary>
/// A whole-scan map: the top regions, and the score grid as a transparent PNG (a data: URL) to stretch over the
/// image's <see cref="Width"/> × <see cref="Height"/> pixels, coloured on the fixed 0..1 scale (as <c>mammo predict</c>'s
/// figure); <see cref="Minimum"/> and <see cref="Maximum"/> are the map's range on the breast. <see cref="Detector"/> is
/// what scored the windows.
/// </summary>
public sealed record HeatmapAnswer(
    string Run,
    string Image,
    string Task,
    string Score,
    Mammo.Learning.Inference.DetectorKind Detector,
    IReadOnlyList<double> Radii,
    IReadOnlyList<RegionAnswer> Regions,
    int Width,
    int Height,
    string Overlay,
    double Minimum,
    double Maximum,
    double Seconds,
    HeldOutPerformance HeldOut,
    HeldOutAssignment? Scan);
