using Mammo.Imaging;
using Mammo.Localisation;

namespace Mammo.Tests.Localisation;

public class RandomRegionsTests
{
    // A 128×128 scan whose only tissue is the rectangle of rows 10–59 and columns 20–99.
    private static BreastMask Rectangle(int rows = 50, int columns = 80)
    {
        var image = GrayImage.Blank(128, 128);
        for (var r = 10; r < 10 + rows; r++)
        {
            for (var c = 20; c < 20 + columns; c++)
            {
                image.Pixels[(r * 128) + c] = 200;
            }
        }

        return BreastMask.Compute(image);
    }

    [Fact]
    public void Regions_lie_in_the_breast_apart_from_each_other_ranked_in_draw_order()
    {
        var mask = Rectangle();

        var regions = RandomRegions.Draw(mask, [8, 16], 5, new Random(3));

        Assert.Equal(5, regions.Count);
        Assert.All(regions, r => Assert.True(mask.Contains((int)r.Row, (int)r.Column)));
        Assert.All(regions, r => Assert.True(r.Radius is 8 or 16));
        Assert.All(regions, r => Assert.Equal(128 - r.Row, r.Y, 12));
        Assert.Equal(regions.Select(r => r.Score).OrderDescending(), regions.Select(r => r.Score));
        foreach (var a in regions)
        {
            foreach (var b in regions.Where(b => b != a))
            {
                Assert.True(Math.Sqrt(Math.Pow(a.Column - b.Column, 2) + Math.Pow(a.Row - b.Row, 2)) >= Math.Max(a.Radius, b.Radius));
            }
        }
    }

    [Fact]
    public void The_same_seed_draws_the_same_regions_and_another_seed_others()
    {
        var mask = Rectangle();

        var first = RandomRegions.Draw(mask, [8, 16], 5, new Random(3));
        var again = RandomRegions.Draw(mask, [8, 16], 5, new Random(3));
        var other = RandomRegions.Draw(mask, [8, 16], 5, new Random(4));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_breast_too_small_for_more_regions_gets_fewer_and_an_empty_one_none()
    {
        Assert.Single(RandomRegions.Draw(Rectangle(3, 3), [10], 5, new Random(1)));
        Assert.Empty(RandomRegions.Draw(BreastMask.Compute(GrayImage.Blank(32, 32)), [10], 5, new Random(1)));
    }

    [Fact]
    public void Regions_can_be_asked_to_lie_wholly_on_the_breast()
    {
        var mask = Rectangle();

        var regions = RandomRegions.Draw(mask, [8], 5, new Random(2), minimumInside: 1);

        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.InRange(r.Row, 10 + 8, 60 - 8));
        Assert.All(regions, r => Assert.InRange(r.Column, 20 + 8, 100 - 8));
    }
}
