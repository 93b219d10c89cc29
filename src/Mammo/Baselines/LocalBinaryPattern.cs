namespace Mammo.Baselines;

/// <summary>
/// Uniform local binary patterns (Ojala, Pietikäinen and Mäenpää 2002) with 8 neighbours at radius 1, taken as
/// the 8 pixels around the centre (the square neighbourhood, no interpolation). A neighbour at least as bright as
/// the centre is a 1. A pattern with at most two 0/1 changes around the circle is uniform and its code is its
/// number of ones (0..8); every other pattern is code 9. The codes ignore rotation, so the histogram of a region
/// describes its micro-texture (spots, edges, corners, flat areas) whatever its orientation.
/// </summary>
public static class LocalBinaryPattern
{
    /// <summary>Codes 0..9.</summary>
    public const int CodeCount = 10;

    // The 8 neighbours in order around the centre, starting to the right: adjacent entries are adjacent pixels.
    private static readonly (int Row, int Column)[] s_neighbours = [(0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1), (1, 0), (1, 1)];

    /// <summary>The uniform code of the pixel at (row, column); it and its 8 neighbours must lie inside the image.</summary>
    public static int Code(byte[] pixels, int width, int height, int row, int column)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (row < 1 || column < 1 || row > height - 2 || column > width - 2 || pixels.Length != width * height)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) has no full 8-neighbourhood in a {width}×{height} image");
        }

        var centre = pixels[(row * width) + column];
        var ones = 0;
        var changes = 0;
        var first = false;
        var previous = false;
        for (var k = 0; k < s_neighbours.Length; k++)
        {
            var (dr, dc) = s_neighbours[k];
            var bit = pixels[((row + dr) * width) + column + dc] >= centre;
            ones += bit ? 1 : 0;
            if (k == 0)
            {
                first = bit;
            }
            else if (bit != previous)
            {
                changes++;
            }

            previous = bit;
        }

        changes += previous != first ? 1 : 0;
        return changes <= 2 ? ones : CodeCount - 1;
    }

    /// <summary>
    /// The normalised histogram (sums to 1; all zero when no pixel counts) of the codes of every pixel with a full
    /// neighbourhood for which <paramref name="include"/>(row, column) holds.
    /// </summary>
    public static double[] Histogram(byte[] pixels, int width, int height, Func<int, int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var histogram = new double[CodeCount];
        var total = 0;
        for (var row = 1; row < height - 1; row++)
        {
            for (var column = 1; column < width - 1; column++)
            {
                if (include(row, column))
                {
                    histogram[Code(pixels, width, height, row, column)]++;
                    total++;
                }
            }
        }

        if (total > 0)
        {
            for (var k = 0; k < CodeCount; k++)
            {
                histogram[k] /= total;
            }
        }

        return histogram;
    }
}
