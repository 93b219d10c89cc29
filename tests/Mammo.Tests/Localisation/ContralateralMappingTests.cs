using Mammo.Imaging;
using Mammo.Localisation;

namespace Mammo.Tests.Localisation;

public class ContralateralMappingTests
{
    [Fact]
    public void A_breasts_bounds_are_its_masks_box_and_its_mass_says_where_the_chest_wall_is()
    {
        // Tissue (grey 90) fills rows 10–19 and columns 0–29 of a 64×64 film: a breast against the left edge.
        var image = GrayImage.Blank(64, 64);
        for (var r = 10; r < 20; r++)
        {
            for (var c = 0; c < 30; c++)
            {
                image.Pixels[(r * 64) + c] = 90;
            }
        }

        var bounds = BreastBounds.Of(BreastMask.Compute(image));

        Assert.Equal(new BreastBounds(10, 19, 0, 29, 14.5, 64), bounds);
        Assert.True(bounds!.ChestWallLeft);
        Assert.Null(BreastBounds.Of(BreastMask.Compute(GrayImage.Blank(8, 8))));
    }

    [Fact]
    public void A_left_and_a_right_breast_map_onto_each_other_mirrored_and_two_of_one_side_without_mirroring()
    {
        var left = new BreastBounds(100, 900, 0, 400, 150, 1024);
        var right = new BreastBounds(200, 800, 600, 1023, 900, 1024);

        // Halfway down and a quarter of the way from the chest wall: halfway down the other, a quarter from its chest wall.
        var mapping = new ContralateralMapping(left, right);
        Assert.True(mapping.Mirrored);
        var (row, column) = mapping.Map(500, 100);
        Assert.Equal(500, row, 9);
        Assert.Equal(600 + (0.75 * 423), column, 9);

        var sameSide = new ContralateralMapping(left, left with { Top = 0, Bottom = 400 });
        Assert.False(sameSide.Mirrored);
        Assert.Equal((200.0, 100.0), sameSide.Map(500, 100));
    }
}
