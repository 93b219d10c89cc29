using Mammo.Baselines;

namespace Mammo.Tests.Baselines;

public class WindowFeaturesTests
{
    // A 48×48 window of 60 with a disc of 220 (radius 8) at its centre.
    private static byte[] Window(int discRadius = 8, byte inside = 220, byte outside = 60)
    {
        var pixels = new byte[48 * 48];
        for (var r = 0; r < 48; r++)
        {
            for (var c = 0; c < 48; c++)
            {
                var (dr, dc) = (r - 23.5, c - 23.5);
                pixels[(r * 48) + c] = (dr * dr) + (dc * dc) <= discRadius * discRadius ? inside : outside;
            }
        }

        return pixels;
    }

    private static double Feature(double[] features, string name) => features[WindowFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void The_circle_is_a_quarter_of_the_side_at_the_windows_centre_and_the_ring_reaches_the_inscribed_circle()
    {
        // Radius 12 exactly covers a disc of radius 12: flat inside, flat 60 in the ring out to 24.
        var features = WindowFeatures.Compute(Window(discRadius: 12), 48);

        Assert.Equal(WindowFeatures.Names.Count, features.Length);
        Assert.Equal(220, Feature(features, "inside_mean"));
        Assert.Equal(0, Feature(features, "inside_std"));
        Assert.Equal(60, Feature(features, "ring_mean"));
        Assert.Equal(0, Feature(features, "ring_std"));
        Assert.Equal(160, Feature(features, "mean_difference"));

        // A smaller disc leaves part of the circle at 60: the inside mean is the area-weighted mean of the two levels.
        var small = WindowFeatures.Compute(Window(discRadius: 8), 48);
        var insideCount = CountWithin(12);
        var discCount = CountWithin(8);
        Assert.Equal(((220.0 * discCount) + (60.0 * (insideCount - discCount))) / insideCount, Feature(small, "inside_mean"), 9);
    }

    [Fact]
    public void A_flat_window_has_no_contrast_and_a_bright_centre_stands_out_from_its_ring()
    {
        var flat = WindowFeatures.Compute(Window(inside: 60), 48);
        var lesion = WindowFeatures.Compute(Window(), 48);

        Assert.Equal(0, Feature(flat, "mean_difference"));
        Assert.Equal(0, Feature(flat, "boundary_gradient_mean"));
        Assert.True(Feature(lesion, "mean_difference") > 60, $"difference {Feature(lesion, "mean_difference")}");
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(9, 1)]
    [InlineData(48, 2)]
    [InlineData(48, 3)]
    [InlineData(64, 4)]
    public void Each_feature_is_the_lesion_features_of_the_windows_circle_to_the_last_bit(int side, int seed)
    {
        // Noise, a bright disc off centre on it, and a narrow range of levels: every feature's sums in LesionFeatures' order.
        var random = new Random(seed);
        var noise = new byte[side * side];
        random.NextBytes(noise);
        var disc = noise.Select((v, i) => ((i / side) - (side / 3.0)) is var dr && ((i % side) - (side / 2.0)) is var dc && (dr * dr) + (dc * dc) < side * side / 20.0 ? (byte)Math.Min(255, v + 120) : (byte)(v / 3)).ToArray();
        var narrow = noise.Select(v => (byte)(100 + (v % 5))).ToArray();
        foreach (var window in new[] { noise, disc, narrow })
        {
            var centre = (side - 1) / 2.0;
            var expected = LesionFeatures.Compute(new Mammo.Imaging.GrayImage(side, side, window), centre, centre, side / 4.0, "window");
            Assert.Equal(expected, WindowFeatures.Compute(window, side));
        }
    }

    [Fact]
    public void A_window_of_the_wrong_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WindowFeatures.Compute(new byte[47 * 48], 48));
        Assert.Throws<ArgumentException>(() => WindowFeatures.Compute(new byte[16], 4));
    }

    private static int CountWithin(double radius)
    {
        var count = 0;
        for (var r = 0; r < 48; r++)
        {
            for (var c = 0; c < 48; c++)
            {
                count += ((r - 23.5) * (r - 23.5)) + ((c - 23.5) * (c - 23.5)) <= radius * radius ? 1 : 0;
            }
        }

        return count;
    }
}
