using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Localisation;

namespace Mammo.Tests.Learning;

public class ContralateralScoresTests
{
    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void A_region_the_other_breast_repeats_falls_behind_one_it_lacks()
    {
        // The other breast's 4×4 grid over a 100×100 film (cells of 25 px): tissue only in cells (1, 2) at 0.9 and (3, 3) at 0.2.
        var grid = new double[4, 4];
        for (var r = 0; r < 4; r++)
        {
            for (var k = 0; k < 4; k++)
            {
                grid[r, k] = double.NaN;
            }
        }

        (grid[1, 2], grid[3, 3]) = (0.9, 0.2);
        var partner = new HeatmapResult(grid, [], 0, 0) { TissueMedian = 0.5 };
        var same = new BreastBounds(0, 99, 0, 99, 20, 100);
        var mapping = new ContralateralMapping(same, same);

        // A (0.8) is mirrored by the 0.9 cell; B (0.6) by the 0.2 cell; C (0.7) by no tissue within its radius: the median.
        var a = new ScoredRegion(62.5, 37.5, 62.5, 10, 0.8);
        var b = new ScoredRegion(87.5, 87.5, 12.5, 10, 0.6);
        var c = new ScoredRegion(12.5, 12.5, 87.5, 10, 0.7);
        var rescored = new ContralateralScores().Rescore([a, c, b], 2, partner, 100, 100, mapping);

        Assert.Equal(2, rescored.Count);
        Assert.Equal(b with { Score = Logit(0.6) - (0.5 * Logit(0.2)) }, rescored[0]);
        Assert.Equal(c.Column, rescored[1].Column);
        Assert.Equal(Logit(0.7), rescored[1].Score, 9);
        Assert.Equal(Logit(0.8) - (0.5 * Logit(0.9)), new ContralateralScores().Rescore([a], 1, partner, 100, 100, mapping)[0].Score, 9);

        // Weight 0 keeps the scan's own order.
        Assert.Equal([a.Column, c.Column, b.Column], new ContralateralScores(0).Rescore([a, c, b], 3, partner, 100, 100, mapping).Select(r => r.Column));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContralateralScores(-1));
    }
}
