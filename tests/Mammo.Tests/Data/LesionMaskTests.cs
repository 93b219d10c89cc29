using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Tests.Data;

public sealed class LesionMaskTests
{
    private static ScanImage Mask(int width, int height, Func<int, int, bool> lesion)
    {
        var image = GrayImage.Blank(width, height);
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                image.Pixels[(row * width) + column] = lesion(column, row) ? (byte)255 : (byte)0;
            }
        }

        return ScanImage.FromGray(image);
    }

    [Fact]
    public void A_rectangle_gives_its_centroid_and_the_distance_to_its_corner_pixels()
    {
        // Columns 10..19, rows 30..39: centroid (14.5, 34.5), farthest pixels 4.5 px off in each direction.
        var measured = LesionMask.Measure(Mask(64, 48, (c, r) => c is >= 10 and <= 19 && r is >= 30 and <= 39));

        Assert.Equal((14.5, 34.5), (measured!.Value.Column, measured.Value.Row));
        Assert.Equal(4.5 * Math.Sqrt(2), measured.Value.Radius, 12);
    }

    [Fact]
    public void A_disc_gives_its_centre_and_radius()
    {
        var (column, row, radius) = LesionMask.Measure(Mask(100, 80, (c, r) => ((c - 40) * (c - 40)) + ((r - 30) * (r - 30)) <= 15 * 15))!.Value;

        Assert.Equal(40, column, 9);
        Assert.Equal(30, row, 9);
        Assert.Equal(15, radius, 9);
    }

    [Fact]
    public void A_single_pixel_has_half_a_pixel_of_radius_and_an_empty_mask_no_lesion()
    {
        Assert.Equal((3.0, 4.0, 0.5), LesionMask.Measure(Mask(8, 8, (c, r) => c == 3 && r == 4))!.Value);
        Assert.Null(LesionMask.Measure(Mask(8, 8, (_, _) => false)));
    }
}
