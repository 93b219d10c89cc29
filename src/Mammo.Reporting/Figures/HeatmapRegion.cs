namespace Mammo.Reporting.Figures;

/// <summary>
/// A region a <see cref="HeatmapFigure"/> circles: centre (<paramref name="Column"/>, <paramref name="Row"/>) and
/// <paramref name="Radius"/> in image pixels, row 0 at the top; <paramref name="Score"/> 0..1; labelled "#Rank score".
/// </summary>
public sealed record HeatmapRegion(double Column, double Row, double Radius, double Score, int Rank);
