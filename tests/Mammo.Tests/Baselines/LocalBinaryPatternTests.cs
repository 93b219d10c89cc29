using Mammo.Baselines;

namespace Mammo.Tests.Baselines;

public class LocalBinaryPatternTests
{
    private static int Code(params byte[] pixels) => LocalBinaryPattern.Code(pixels, 3, 3, 1, 1);

    [Fact]
    public void A_pattern_with_four_changes_is_not_uniform()
    {
        // Around the centre 6 from the right, counter-clockwise: 7 1 9 5 4 2 3 8 → 1 0 1 0 0 0 0 1: four changes.
        Assert.Equal(9, Code(5, 9, 1, 4, 6, 7, 2, 3, 8));
    }

    [Fact]
    public void An_edge_is_uniform_and_coded_by_its_number_of_ones()
    {
        // Bright top row and right pixel: right, up-right, up, up-left are ≥ 5 → 1 1 1 1 0 0 0 0: two changes, four ones.
        Assert.Equal(4, Code(10, 10, 10, 0, 5, 10, 0, 0, 0));
    }

    [Fact]
    public void A_flat_area_is_code_8_and_a_bright_spot_code_0()
    {
        Assert.Equal(8, Code(3, 3, 3, 3, 3, 3, 3, 3, 3));
        Assert.Equal(0, Code(1, 1, 1, 1, 9, 1, 1, 1, 1));
    }

    [Fact]
    public void A_line_end_is_one_one()
    {
        // Only the pixel below is at least the centre: 0 0 0 0 0 0 1 0.
        Assert.Equal(1, Code(0, 0, 0, 0, 5, 0, 0, 6, 0));
    }

    [Fact]
    public void The_histogram_counts_interior_pixels_only_and_sums_to_one()
    {
        // 4×4: the four interior pixels (1,1) (1,2) (2,1) (2,2). A ramp rising to the right: each sees its right
        // half (right, up-right, down-right) and its own column (up, down) as ≥ → 1 1 1 0 0 0 1 1: five ones, uniform.
        byte[] ramp = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];

        var histogram = LocalBinaryPattern.Histogram(ramp, 4, 4, (_, _) => true);

        Assert.Equal(1.0, histogram[5]);
        Assert.Equal(1.0, histogram.Sum(), 12);
    }

    [Fact]
    public void A_pixel_without_a_full_neighbourhood_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalBinaryPattern.Code(new byte[9], 3, 3, 0, 1));
}
