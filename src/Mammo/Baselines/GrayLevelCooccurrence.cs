namespace Mammo.Baselines;

/// <summary>
/// Grey-level co-occurrence matrices (Haralick 1973) of a quantised image: how often level i sits at offset
/// (dRow, dCol) from level j. Symmetric (each pair counted both ways, as scikit-image's <c>symmetric=True</c>) and
/// normalised to sum 1, so regions of different sizes compare.
/// </summary>
public static class GrayLevelCooccurrence
{
    /// <summary>Quantises 0..255 grey values linearly between <paramref name="low"/> and <paramref name="high"/> into <paramref name="levels"/> levels.</summary>
    /// <remarks>Stretched to the region's own range, because lesions differ in overall brightness far more than in texture.</remarks>
    public static int Quantise(byte value, double low, double high, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        if (high <= low)
        {
            return 0;
        }

        var level = (int)Math.Floor((value - low) / (high - low) * levels);
        return Math.Clamp(level, 0, levels - 1);
    }

    /// <summary>
    /// The normalised symmetric matrix of a quantised image (<paramref name="levels"/> row-major, values in
    /// 0..<paramref name="levelCount"/>−1). Only pairs whose two pixels are both inside the image and inside
    /// <paramref name="mask"/> (when given) count. All zero when no pair counts.
    /// </summary>
    public static double[,] Compute(int[] levels, int width, int height, int levelCount, int dRow, int dCol, bool[]? mask = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(levelCount, 1);
        if (levels.Length != width * height || (mask is not null && mask.Length != levels.Length))
        {
            throw new ArgumentException($"a {width}×{height} image needs {width * height} levels (and mask entries)", nameof(levels));
        }

        var counts = new double[levelCount, levelCount];
        var total = 0.0;
        for (var row = Math.Max(0, -dRow); row < Math.Min(height, height - dRow); row++)
        {
            for (var column = Math.Max(0, -dCol); column < Math.Min(width, width - dCol); column++)
            {
                var a = (row * width) + column;
                var b = ((row + dRow) * width) + column + dCol;
                if (mask is not null && !(mask[a] && mask[b]))
                {
                    continue;
                }

                var i = levels[a];
                var j = levels[b];
                if ((uint)i >= levelCount || (uint)j >= levelCount)
                {
                    throw new ArgumentException($"level {Math.Max(i, j)} at pixel {(i >= levelCount ? a : b)} is outside 0..{levelCount - 1}", nameof(levels));
                }

                counts[i, j]++;
                counts[j, i]++;
                total += 2;
            }
        }

        if (total > 0)
        {
            for (var i = 0; i < levelCount; i++)
            {
                for (var j = 0; j < levelCount; j++)
                {
                    counts[i, j] /= total;
                }
            }
        }

        return counts;
    }

    /// <summary>The texture properties of a normalised matrix (<see cref="GlcmProperties"/> defines them).</summary>
    public static GlcmProperties Properties(double[,] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var n = p.GetLength(0);
        if (p.GetLength(1) != n)
        {
            throw new ArgumentException("a co-occurrence matrix is square", nameof(p));
        }

        double contrast = 0, homogeneity = 0, asm = 0, meanI = 0, meanJ = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v = p[i, j];
                var d = i - j;
                contrast += v * d * d;
                homogeneity += v / (1.0 + (d * d));
                asm += v * v;
                meanI += i * v;
                meanJ += j * v;
            }
        }

        double varI = 0, varJ = 0, covariance = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                varI += p[i, j] * (i - meanI) * (i - meanI);
                varJ += p[i, j] * (j - meanJ) * (j - meanJ);
                covariance += p[i, j] * (i - meanI) * (j - meanJ);
            }
        }

        // Below 1e-15 the spread is rounding noise; scikit-image then reports a correlation of 1.
        var correlation = varI < 1e-15 || varJ < 1e-15 ? 1.0 : covariance / Math.Sqrt(varI * varJ);
        return new GlcmProperties(contrast, homogeneity, Math.Sqrt(asm), correlation);
    }
}
