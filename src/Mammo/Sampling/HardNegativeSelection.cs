using Mammo.Data;
using Mammo.Localisation;

namespace Mammo.Sampling;

/// <summary>
/// Which of a heat map's regions become a detector's hard negatives: the best-scoring ones whose circle stays clear of
/// every lesion circle (the rule <see cref="TissueNegativeSampler"/> draws by), so that no window holding part of a
/// lesion is taught as tissue.
/// </summary>
public static class HardNegativeSelection
{
    /// <summary>Tissue indices of mined regions start here, after any drawn region's (<c>mdb005-t100</c>).</summary>
    public const int FirstIndex = 100;

    /// <summary>The first <paramref name="count"/> regions, in score order, whose circle overlaps no lesion circle.</summary>
    public static IReadOnlyList<ScoredRegion> Select(IReadOnlyList<ScoredRegion> regions, IReadOnlyList<LesionLocation> lesions, int count)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(lesions);
        return [.. regions.OrderByDescending(r => r.Score)
            .Where(r => !lesions.Any(l => TissueNegativeSampler.Overlaps(r.Column, r.Y, r.Radius, l)))
            .Take(Math.Max(0, count))];
    }
}
