namespace Mammo.Web.Api;

/// <summary>One of a heat map's most suspicious regions: centre (x, MIAS y, image row), radius and score.</summary>
public sealed record RegionAnswer(int Rank, double X, double Y, double Row, double Radius, double Score);
