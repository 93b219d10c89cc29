using Mammo.Localisation;

namespace Mammo.Learning.Inference;

/// <summary>
/// A per-scan calibration of heat-map scores: a region's log-odds minus the log-odds of its scan's
/// <see cref="HeatmapResult.TissueMedian"/>, i.e. how far it stands out from its own breast. Raw probabilities rank
/// regions within a scan but are not comparable across scans: one threshold over all scans first takes the regions
/// of a few dense breasts that score high everywhere. The ranking within a scan (and so every top-k rate) is unchanged;
/// only the FROC, which pools regions over scans, differs.
/// </summary>
public static class ScanRelativeScores
{
    // Probabilities of exactly 0 or 1 (float32 softmax saturates) would make the log-odds infinite.
    private const double Clamp = 1e-7;

    public static double LogOdds(double p)
    {
        var q = Math.Clamp(p, Clamp, 1 - Clamp);
        return Math.Log(q / (1 - q));
    }

    /// <summary>The case with every region's score replaced by its log-odds relative to <paramref name="tissueMedian"/>.</summary>
    public static LocalisationCase Of(LocalisationCase scan, double tissueMedian)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var reference = double.IsNaN(tissueMedian) ? 0 : LogOdds(tissueMedian);
        return scan with { Regions = [.. scan.Regions.Select(r => r with { Score = LogOdds(r.Score) - reference })] };
    }
}
