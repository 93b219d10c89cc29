using Mammo.Localisation;

namespace Mammo.Learning.Inference;

/// <summary>
/// Bilateral comparison, as a radiologist reads a pair of films: a region's log-odds minus <see cref="Weight"/>
/// times the log-odds of the best window of the patient's other breast within the region's radius of the mirrored
/// point (<see cref="ContralateralMapping"/>). Dense tissue usually appears in both breasts; a lesion in one. Unlike
/// <see cref="ScanRelativeScores"/> this re-ranks regions within a scan, so the top-k rates change too.
/// </summary>
public sealed class ContralateralScores(double weight = ContralateralScores.DefaultWeight)
{
    /// <summary>Half the other breast's log-odds: chosen before any measurement, not fitted on held-out scans.</summary>
    public const double DefaultWeight = 0.5;

    public double Weight { get; } = weight >= 0 && double.IsFinite(weight) ? weight : throw new ArgumentOutOfRangeException(nameof(weight));

    /// <summary>
    /// The <paramref name="keep"/> best of <paramref name="candidates"/> (already suppressed, best first) after each is
    /// scored against <paramref name="partner"/>'s grid, which covers the other scan of <paramref name="height"/> ×
    /// <paramref name="width"/> pixels. A region whose mirror finds no tissue is scored against the other breast's median window.
    /// </summary>
    public IReadOnlyList<ScoredRegion> Rescore(IReadOnlyList<ScoredRegion> candidates, int keep, HeatmapResult partner, int height, int width, ContralateralMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(mapping);
        var fallback = double.IsNaN(partner.TissueMedian) ? 0.5 : partner.TissueMedian;
        return [.. candidates
            .Select(region =>
            {
                var (row, column) = mapping.Map(region.Row, region.Column);
                var mirror = BestNear(partner.Grid, height, width, row, column, region.Radius) ?? fallback;
                return region with { Score = ScanRelativeScores.LogOdds(region.Score) - (Weight * ScanRelativeScores.LogOdds(mirror)) };
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Row)
            .ThenBy(r => r.Column)
            .Take(keep)];
    }

    // The highest grid cell (NaN outside the breast) whose centre lies within radius of (row, column); null when none does.
    private static double? BestNear(double[,] grid, int height, int width, double row, double column, double radius)
    {
        var (rows, columns) = (grid.GetLength(0), grid.GetLength(1));
        var (cellHeight, cellWidth) = ((double)height / rows, (double)width / columns);
        double? best = null;
        var (r0, r1) = (Math.Max(0, (int)Math.Floor((row - radius) / cellHeight)), Math.Min(rows - 1, (int)Math.Ceiling((row + radius) / cellHeight)));
        var (c0, c1) = (Math.Max(0, (int)Math.Floor((column - radius) / cellWidth)), Math.Min(columns - 1, (int)Math.Ceiling((column + radius) / cellWidth)));
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var (dr, dc) = (((r + 0.5) * cellHeight) - row, ((c + 0.5) * cellWidth) - column);
                var value = grid[r, c];
                if (!double.IsNaN(value) && (dr * dr) + (dc * dc) <= radius * radius && (best is null || value > best))
                {
                    best = value;
                }
            }
        }

        return best;
    }
}
