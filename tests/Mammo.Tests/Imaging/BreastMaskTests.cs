using Mammo.Imaging;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging;

public class BreastMaskTests
{
    [Fact]
    public void The_largest_bright_component_is_kept_and_background_and_film_labels_are_not()
    {
        // A large breast-like disc on black, and a bright film label in a corner, not touching it.
        var image = Pgm.WithDisc(200, 200, column: 80, row: 110, radius: 70, value: 120, background: 0);
        for (var r = 5; r < 25; r++)
        {
            for (var c = 160; c < 195; c++)
            {
                image.Pixels[(r * 200) + c] = 250;
            }
        }

        var mask = BreastMask.Compute(image);

        Assert.True(mask.Contains(110, 80));
        Assert.True(mask.Contains(110, 145));
        Assert.False(mask.Contains(15, 170));
        Assert.False(mask.Contains(190, 190));
        Assert.False(mask.Contains(-1, 0));
        Assert.InRange(mask.Area, (int)(Math.PI * 69 * 69), (int)(Math.PI * 71 * 71));
    }

    [Fact]
    public void An_all_dark_image_has_an_empty_mask()
    {
        var mask = BreastMask.Compute(GrayImage.Blank(10, 10));

        Assert.Equal(0, mask.Area);
        Assert.False(mask.Contains(5, 5));
    }

    [Fact]
    public void Inside_fraction_is_the_share_of_a_square_on_tissue_with_the_image_edge_counting_as_outside()
    {
        // Tissue: rows 20..79, columns 30..69 of a 100×100 film; rows 0..9 also bright, to reach the edge.
        var image = GrayImage.Blank(100, 100);
        for (var r = 0; r < 80; r++)
        {
            for (var c = 30; c < 70; c++)
            {
                image.Pixels[(r * 100) + c] = (byte)(r < 10 || r >= 20 ? 150 : 0);
            }
        }

        var mask = BreastMask.Compute(image);

        Assert.Equal(1.0, mask.InsideFraction(50, 50, 5), 12);
        Assert.Equal(0.5, mask.InsideFraction(50, 30, 10), 12);
        Assert.Equal(0.0, mask.InsideFraction(0, 0, 10), 12);
        Assert.Equal(0.0, mask.InsideFraction(5, 50, 4), 12);
        Assert.Equal(0.25, mask.InsideFraction(79.5, 69.5, 10), 12);
    }
}
