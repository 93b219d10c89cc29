using Mammo.Imaging;

namespace Mammo.Localisation;

/// <summary>
/// The chance baseline for a detector: regions centred on uniformly random breast pixels, radii drawn from the
/// detector's own radii, kept apart by the same rule as the detector's non-maximum suppression (no centre inside
/// the larger radius of a kept region), ranked in the order drawn.
/// </summary>
public static class RandomRegions
{
    private const int AttemptsPerRegion = 1000;

    /// <summary>Up to <paramref name="count"/> regions (fewer if the breast has no room for more).</summary>
    /// <param name="minimumInside">The share of a region's square that must be breast, as the detector asks (<c>ScanHeatmap.MinimumInside</c>).</param>
    public static IReadOnlyList<ScoredRegion> Draw(BreastMask mask, IReadOnlyList<double> radii, int count, Random random, double minimumInside = 0)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(radii);
        ArgumentNullException.ThrowIfNull(random);
        if (radii.Count == 0)
        {
            throw new ArgumentException("no radii to draw from", nameof(radii));
        }

        var kept = new List<ScoredRegion>();
        if (mask.Area == 0)
        {
            return kept;
        }

        for (var attempts = 0; kept.Count < count && attempts < AttemptsPerRegion * count; attempts++)
        {
            var (row, column) = (random.Next(mask.Height), random.Next(mask.Width));
            var radius = radii[random.Next(radii.Count)];
            if (!mask.Contains(row, column) || (minimumInside > 0 && mask.InsideFraction(row + 0.5, column + 0.5, radius) < minimumInside))
            {
                continue;
            }

            var (x, y) = (column + 0.5, row + 0.5);
            if (kept.All(k => Math.Pow(k.Column - x, 2) + Math.Pow(k.Row - y, 2) >= Math.Pow(Math.Max(k.Radius, radius), 2)))
            {
                kept.Add(new ScoredRegion(x, y, PatchGeometry.MiasY(y, mask.Height), radius, 1.0 - ((double)kept.Count / count)));
            }
        }

        return kept;
    }
}
