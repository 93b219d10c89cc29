namespace Mammo.Localisation;

/// <summary>
/// Detection metrics over held-out scans. A lesion is found when its centre lies inside a proposed region; a
/// region that contains no lesion centre is a false positive; a second region on an already found lesion is
/// neither (it adds no sensitivity and is not counted against the detector), as in the usual FROC convention.
/// </summary>
public static class LocalisationMetrics
{
    /// <summary>Lesions whose centre lies inside one of their scan's first <paramref name="top"/> regions.</summary>
    public static HitRate HitRate(IReadOnlyList<LocalisationCase> cases, int top)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var hits = cases.Sum(c => c.Lesions.Count(l => c.Regions.Take(top).Any(r => r.Contains(l))));
        return new HitRate(top, hits, cases.Sum(c => c.Lesions.Count));
    }

    /// <summary>The FROC curve over every proposed region of every case, one point per distinct score.</summary>
    public static FrocCurve Froc(IReadOnlyList<LocalisationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var lesions = cases.Sum(c => c.Lesions.Count);
        var regions = cases.SelectMany((c, i) => c.Regions.Select(r => (Case: i, Region: r))).OrderByDescending(x => x.Region.Score).ToList();
        var found = new HashSet<(int Case, int Lesion)>();
        var falsePositives = 0;
        var points = new List<FrocPoint> { new(double.PositiveInfinity, 0, 0) };
        for (var k = 0; k < regions.Count; k++)
        {
            var (index, region) = regions[k];
            var hit = false;
            for (var l = 0; l < cases[index].Lesions.Count; l++)
            {
                if (region.Contains(cases[index].Lesions[l]))
                {
                    hit = true;
                    found.Add((index, l));
                }
            }

            if (!hit)
            {
                falsePositives++;
            }

            // Regions with equal scores pass or fail a threshold together: one point after the last of them.
            if (k == regions.Count - 1 || regions[k + 1].Region.Score < region.Score)
            {
                points.Add(new FrocPoint(region.Score, (double)falsePositives / cases.Count, lesions == 0 ? double.NaN : (double)found.Count / lesions));
            }
        }

        return new FrocCurve(points, cases.Count, lesions);
    }
}
