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
}
