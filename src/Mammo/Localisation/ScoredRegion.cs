using Mammo.Data;

namespace Mammo.Localisation;

/// <summary>A scored circular region of a scan: centre column, centre row (image convention), MIAS y, radius, score.</summary>
public sealed record ScoredRegion(double Column, double Row, double Y, double Radius, double Score)
{
    /// <summary>Whether the lesion's centre lies inside this region (both in MIAS coordinates, so the flip cancels).</summary>
    public bool Contains(LesionLocation lesion) =>
        Math.Pow(lesion.X - Column, 2) + Math.Pow(lesion.Y - Y, 2) <= Radius * Radius;
}
