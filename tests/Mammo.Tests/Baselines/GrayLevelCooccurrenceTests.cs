using Mammo.Baselines;

namespace Mammo.Tests.Baselines;

public class GrayLevelCooccurrenceTests
{
    // The 4×4, 4-level image of Haralick's paper (and scikit-image's graycomatrix documentation).
    private static readonly int[] s_image =
    [
        0, 0, 1, 1,
        0, 0, 1, 1,
        0, 2, 2, 2,
        2, 2, 3, 3,
    ];

    [Fact]
    public void The_horizontal_matrix_of_a_4x4_image_is_counted_both_ways_and_normalised()
    {
        // Left-to-right neighbours, counted by hand row by row: (0,0) ×2, (0,1) ×2, (1,1) ×2 from rows 0–1;
        // (0,2), (2,2) ×2 from row 2; (2,2), (2,3), (3,3) from row 3. Symmetric: add the transpose; 24 counts.
        double[,] expected =
        {
            { 4, 2, 1, 0 },
            { 2, 4, 0, 0 },
            { 1, 0, 6, 1 },
            { 0, 0, 1, 2 },
        };

        var p = GrayLevelCooccurrence.Compute(s_image, 4, 4, 4, dRow: 0, dCol: 1);

        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                Assert.Equal(expected[i, j] / 24, p[i, j], 12);
            }
        }
    }

    [Fact]
    public void The_vertical_matrix_counts_pairs_one_row_apart()
    {
        // Top-to-bottom neighbours: columns 0..3 give (0,0),(0,0),(0,2) | (0,0),(0,2),(2,2) | (1,1),(1,2),(2,3) | (1,1),(1,2),(2,3).
        var p = GrayLevelCooccurrence.Compute(s_image, 4, 4, 4, dRow: 1, dCol: 0);

        Assert.Equal(6.0 / 24, p[0, 0], 12);
        Assert.Equal(2.0 / 24, p[0, 2], 12);
        Assert.Equal(2.0 / 24, p[2, 0], 12);
        Assert.Equal(2.0 / 24, p[2, 2], 12);
        Assert.Equal(4.0 / 24, p[1, 1], 12);
        Assert.Equal(2.0 / 24, p[1, 2], 12);
        Assert.Equal(2.0 / 24, p[2, 3], 12);
        Assert.Equal(0, p[3, 3]);
    }

    [Fact]
    public void Properties_of_the_horizontal_matrix_match_the_hand_computed_values()
    {
        var properties = GrayLevelCooccurrence.Properties(GrayLevelCooccurrence.Compute(s_image, 4, 4, 4, 0, 1));

        // contrast: off-diagonal mass × (i−j)²: 4·1 + 2·4 + 2·1 = 14; homogeneity: 16 + 4/2 + 2/5 + 2/2 = 19.4.
        Assert.Equal(14.0 / 24, properties.Contrast, 12);
        Assert.Equal(19.4 / 24, properties.Homogeneity, 12);
        // energy: √(Σ count²) / 24 with Σ count² = 21 + 20 + 38 + 5.
        Assert.Equal(Math.Sqrt(84.0) / 24, properties.Energy, 12);
        // Marginals 7, 6, 8, 3 (of 24): mean 31/24, E[i²] 65/24; E[ij] = (4·1 + 6·4 + 2·6 + 2·9)/24 = 58/24.
        var mean = 31.0 / 24;
        Assert.Equal(((58.0 / 24) - (mean * mean)) / ((65.0 / 24) - (mean * mean)), properties.Correlation, 12);
    }

    [Fact]
    public void A_mask_drops_every_pair_with_a_pixel_outside_it()
    {
        var mask = Enumerable.Repeat(true, 16).ToArray();
        mask[15] = false; // the bottom-right 3: its pair (3,3) with its left neighbour goes

        var p = GrayLevelCooccurrence.Compute(s_image, 4, 4, 4, 0, 1, mask);

        Assert.Equal(0, p[3, 3]);
        Assert.Equal(4.0 / 22, p[0, 0], 12);
    }

    [Fact]
    public void A_uniform_region_has_no_contrast_full_energy_and_correlation_one()
    {
        var properties = GrayLevelCooccurrence.Properties(GrayLevelCooccurrence.Compute(new int[9], 3, 3, 8, 0, 1));

        Assert.Equal(new GlcmProperties(0, 1, 1, 1), properties);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(255, 7)]
    [InlineData(128, 4)]
    [InlineData(127, 3)]
    public void Quantising_maps_the_range_onto_equal_levels(int value, int level) =>
        Assert.Equal(level, GrayLevelCooccurrence.Quantise((byte)value, 0, 256, 8));
}
