using Mammo.Baselines;
using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Tests.Baselines;

public class LesionFeaturesTests
{
    // A 100×100 background of 50 with a disc of 200 (radius 10) centred at pixel (40, 60).
    private static GrayImage Disc()
    {
        var image = GrayImage.Blank(100, 100);
        for (var r = 0; r < 100; r++)
        {
            for (var c = 0; c < 100; c++)
            {
                image.Pixels[(r * 100) + c] = (byte)(((r - 40) * (r - 40)) + ((c - 60) * (c - 60)) <= 100 ? 200 : 50);
            }
        }

        return image;
    }

    private static double Feature(double[] features, string name) => features[LesionFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void A_bright_disc_reads_as_bright_flat_inside_and_dark_flat_around()
    {
        var features = LesionFeatures.Compute(Disc(), column: 60, row: 40, radius: 10, "disc");

        Assert.Equal(LesionFeatures.Names.Count, features.Length);
        Assert.Equal(200, Feature(features, "inside_mean"));
        Assert.Equal(0, Feature(features, "inside_std"));
        Assert.Equal(200, Feature(features, "inside_p10"));
        Assert.Equal(50, Feature(features, "ring_mean"));
        Assert.Equal(0, Feature(features, "ring_std"));
        Assert.Equal(150, Feature(features, "mean_difference"));
        Assert.Equal(1, Feature(features, "std_ratio"));
        // Inside the circle every level is the top one: a uniform texture.
        Assert.Equal(0, Feature(features, "glcm1_contrast"));
        Assert.Equal(1, Feature(features, "glcm2_energy"), 12);
        Assert.Equal(1.0, Enumerable.Range(0, LocalBinaryPattern.CodeCount).Sum(k => Feature(features, $"lbp_{k}")), 12);
        Assert.True(Feature(features, "lbp_8") > 0.5, "the flat interior is mostly code 8");
        Assert.True(Feature(features, "boundary_gradient_mean") > 0, "the disc's edge has a gradient");
    }

    [Fact]
    public void A_circle_that_leaves_the_image_uses_the_pixels_inside_it()
    {
        var features = LesionFeatures.Compute(Disc(), column: 0, row: 0, radius: 5, "corner");

        Assert.Equal(50, Feature(features, "inside_mean"));
        Assert.All(features, f => Assert.True(double.IsFinite(f)));
    }

    [Fact]
    public void A_circle_outside_the_image_is_a_data_error_naming_the_region()
    {
        var error = Assert.Throws<MammoDataException>(() => LesionFeatures.Compute(Disc(), 500, 500, 10, "mdb001.pgm (mdb001-0)"));

        Assert.StartsWith("mdb001.pgm (mdb001-0):", error.Message, StringComparison.Ordinal);
        Assert.Throws<MammoDataException>(() => LesionFeatures.Compute(Disc(), 50, 50, 0, "zero radius"));
    }

    [Fact]
    public void A_huge_radius_is_bounded_by_the_image()
    {
        var features = LesionFeatures.Compute(Disc(), 50, 50, 1e9, "huge");

        Assert.Equal(LesionFeatures.Names.Count, features.Length);
    }
}
