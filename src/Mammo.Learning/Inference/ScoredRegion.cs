namespace Mammo.Learning.Inference;

/// <summary>A scored window of a heat map: centre column, centre row (image convention), MIAS y, radius, score.</summary>
public sealed record ScoredRegion(double Column, double Row, double Y, double Radius, double Score);
