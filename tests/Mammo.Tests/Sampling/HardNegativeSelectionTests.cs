using Mammo.Data;
using Mammo.Localisation;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class HardNegativeSelectionTests
{
    [Fact]
    public void Selection_takes_the_best_regions_whose_circles_clear_every_lesion()
    {
        var lesion = new LesionLocation(200, 200, 20);
        ScoredRegion[] regions =
        [
            new(400, 0, 400, 48, 0.5),
            new(210, 0, 210, 48, 0.9),  // centre 14 px from the lesion's
            new(270, 0, 200, 48, 0.8),  // 70 px away: 48 + 20 = 68 would be needed, so clear
            new(260, 0, 200, 48, 0.7),  // 60 px away: overlaps
            new(100, 0, 100, 96, 0.6),
        ];

        var chosen = HardNegativeSelection.Select(regions, [lesion], 2);

        Assert.Equal([0.8, 0.6], chosen.Select(r => r.Score));
        Assert.Equal(4, HardNegativeSelection.Select(regions, [], 4).Count);
        Assert.Empty(HardNegativeSelection.Select(regions, [lesion], 0));
    }
}
