using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Sampling;

/// <summary>
/// The detector's negatives: <see cref="PerScan"/> regions of breast tissue on every scan, normal and abnormal alike,
/// each centred on a uniformly drawn breast-mask pixel with a radius drawn from <see cref="Radii"/> (the heat map's
/// window radii), kept only when its square is at least <see cref="MinimumInside"/> tissue (the rule the heat map
/// lists regions by) and its circle stays clear of every lesion circle. Negatives taken from the centre of normal
/// scans alone let a model tell "lesion" from "centre of a breast"; the heat map asks "lesion or any other tissue",
/// and the same number from every scan keeps a dense breast from weighing more than a fatty one.
/// </summary>
public sealed class TissueNegativeSampler
{
    private const int AttemptsPerNegative = 1000;

    /// <summary>Negatives drawn per scan (fewer only where the breast has no room for them).</summary>
    public int PerScan { get; init; } = 4;

    /// <summary>Window radii (scan pixels) to draw from, equally often: the heat map's default scales.</summary>
    public IReadOnlyList<double> Radii { get; init; } = [48, 96];

    /// <summary>The share of a negative's square that must be breast tissue, as <c>ScanHeatmap.MinimumInside</c>.</summary>
    public double MinimumInside { get; init; } = 0.9;

    public int Seed { get; init; }

    /// <summary>
    /// Whether negatives can be drawn on the scan: every lesion must have a location, or tissue away from it cannot
    /// be told apart from it (the <c>*NOTE</c> calcifications, mdb059).
    /// </summary>
    public static bool CanSample(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.Lesions.All(l => l.Location is not null);
    }

    /// <summary>
    /// The scan's negatives, in the order drawn, with <see cref="PatchOrigin.TissueIndex"/> 0, 1, …. Seeded by the
    /// scan's number, so they do not depend on which other scans are sampled or in what order.
    /// </summary>
    /// <param name="mask">The scan's breast mask, at the scan's own size.</param>
    public IReadOnlyList<PatchOrigin> Sample(Scan scan, BreastMask mask)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(mask);
        if (Radii.Count == 0 || Radii.Any(r => !(r > 0)))
        {
            throw new InvalidSettingException("radii", "tissue regions need at least one positive radius");
        }

        if (!CanSample(scan))
        {
            throw new ArgumentException($"{scan.Id} has a lesion without location; tissue away from it cannot be drawn", nameof(scan));
        }

        var lesions = scan.Lesions.Select(l => l.Location!.Value).ToList();
        var random = SeedSequence.Random(Seed, scan.Number);
        var drawn = new List<PatchOrigin>();
        if (mask.Area == 0)
        {
            return drawn;
        }

        for (var attempt = 0; drawn.Count < PerScan && attempt < AttemptsPerNegative * PerScan; attempt++)
        {
            var (row, column) = (random.Next(mask.Height), random.Next(mask.Width));
            var radius = Radii[random.Next(Radii.Count)];
            var (x, centreRow) = (column + 0.5, row + 0.5);
            var y = PatchGeometry.MiasY(centreRow, mask.Height);
            if (!mask.Contains(row, column)
                || mask.InsideFraction(centreRow, x, radius) < MinimumInside
                || lesions.Any(l => Overlaps(x, y, radius, l)))
            {
                continue;
            }

            drawn.Add(new PatchOrigin(scan, null, x, y, radius) { TissueIndex = drawn.Count });
        }

        return drawn;
    }

    /// <summary>Whether a region's circle and a lesion's circle overlap (their centres closer than the radii's sum).</summary>
    public static bool Overlaps(double x, double y, double radius, LesionLocation lesion) =>
        Math.Pow(x - lesion.X, 2) + Math.Pow(y - lesion.Y, 2) < Math.Pow(radius + lesion.Radius, 2);
}
