using Mammo.Data;
using Mammo.Imaging;

namespace Mammo.Baselines;

/// <summary>
/// Hand-crafted features of a circular region at the scan's native resolution, the classical alternative to a
/// CNN: grey-level statistics inside the circle and in the ring r &lt; d ≤ 2r around it, GLCM texture inside the
/// circle (8 levels stretched over the circle and ring's range; distances 1 and 2, each averaged over 0°, 45°,
/// 90° and 135°), the uniform-LBP histogram inside the circle, and the Sobel gradient magnitude along the
/// circle's boundary. Only pixels inside the image count; the work is bounded by the image, whatever the radius.
/// </summary>
public static class LesionFeatures
{
    private const int GlcmLevels = 8;
    private static readonly int[] s_distances = [1, 2];

    /// <summary>Feature names, in the order <see cref="Compute"/> returns them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "inside_mean", "inside_std", "inside_p10", "inside_p90", "ring_mean", "ring_std", "mean_difference", "std_ratio",
        .. s_distances.SelectMany(d => new[] { $"glcm{d}_contrast", $"glcm{d}_homogeneity", $"glcm{d}_energy", $"glcm{d}_correlation" }),
        .. Enumerable.Range(0, LocalBinaryPattern.CodeCount).Select(k => $"lbp_{k}"),
        "boundary_gradient_mean", "boundary_gradient_std",
    ];

    /// <param name="column">Centre column in image pixels.</param>
    /// <param name="row">Centre row in image pixels (row 0 at the top: <see cref="PatchGeometry.ImageRow"/> of a MIAS y).</param>
    /// <param name="name">Names the region in messages, e.g. the scan file and lesion.</param>
    /// <exception cref="MammoDataException">The radius is not positive, or the circle holds no pixel of the image.</exception>
    public static double[] Compute(GrayImage image, double column, double row, double radius, string name)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!(radius > 0) || !double.IsFinite(radius) || !double.IsFinite(column) || !double.IsFinite(row))
        {
            throw new MammoDataException($"{name}: radius {radius} at ({column}, {row}) is not a positive finite circle");
        }

        // The box holding the ring, clipped to the image: every loop below is bounded by the image's size.
        // Clamped as doubles before the cast, so no radius overflows an int.
        var left = (int)Math.Clamp(Math.Floor(column - (2 * radius)), 0, image.Width);
        var right = (int)Math.Clamp(Math.Ceiling(column + (2 * radius)), -1, image.Width - 1);
        var top = (int)Math.Clamp(Math.Floor(row - (2 * radius)), 0, image.Height);
        var bottom = (int)Math.Clamp(Math.Ceiling(row + (2 * radius)), -1, image.Height - 1);
        if (left > right || top > bottom)
        {
            throw new MammoDataException($"{name}: the circle at ({column}, {row}) radius {radius} lies outside the {image.Width}×{image.Height} image");
        }

        var width = right - left + 1;
        var height = bottom - top + 1;
        var pixels = new byte[width * height];
        var inside = new bool[width * height];
        var insideValues = new List<double>();
        var ringValues = new List<double>();
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var value = image[top + r, left + c];
                pixels[(r * width) + c] = value;
                var dr = top + r - row;
                var dc = left + c - column;
                var d2 = (dr * dr) + (dc * dc);
                if (d2 <= radius * radius)
                {
                    inside[(r * width) + c] = true;
                    insideValues.Add(value);
                }
                else if (d2 <= 4 * radius * radius)
                {
                    ringValues.Add(value);
                }
            }
        }

        if (insideValues.Count == 0)
        {
            throw new MammoDataException($"{name}: the circle at ({column}, {row}) radius {radius} holds no pixel of the {image.Width}×{image.Height} image");
        }

        var (insideMean, insideStd) = MeanAndStd(insideValues);
        var (ringMean, ringStd) = ringValues.Count > 0 ? MeanAndStd(ringValues) : (insideMean, insideStd);
        insideValues.Sort();
        var features = new List<double>(Names.Count)
        {
            insideMean, insideStd, Percentile(insideValues, 0.1), Percentile(insideValues, 0.9),
            ringMean, ringStd, insideMean - ringMean, (insideStd + 1) / (ringStd + 1),
        };

        var low = Math.Min(insideValues[0], ringValues.Count > 0 ? ringValues.Min() : double.MaxValue);
        var high = Math.Max(insideValues[^1], ringValues.Count > 0 ? ringValues.Max() : double.MinValue);
        var levels = pixels.Select(v => GrayLevelCooccurrence.Quantise(v, low, high + 1, GlcmLevels)).ToArray();
        foreach (var d in s_distances)
        {
            var properties = new[] { (0, d), (-d, d), (-d, 0), (-d, -d) }
                .Select(o => GrayLevelCooccurrence.Properties(GrayLevelCooccurrence.Compute(levels, width, height, GlcmLevels, o.Item1, o.Item2, inside)))
                .ToList();
            features.Add(properties.Average(p => p.Contrast));
            features.Add(properties.Average(p => p.Homogeneity));
            features.Add(properties.Average(p => p.Energy));
            features.Add(properties.Average(p => p.Correlation));
        }

        features.AddRange(LocalBinaryPattern.Histogram(pixels, width, height, (r, c) => inside[(r * width) + c]));
        var (gradientMean, gradientStd) = BoundaryGradient(image, column, row, radius);
        features.Add(gradientMean);
        features.Add(gradientStd);
        return [.. features];
    }

    /// <summary>
    /// Where the boundary gradient is read: the nearest pixel of points spaced about a pixel apart along the circle,
    /// in order, those without a full 3×3 neighbourhood in a <paramref name="width"/> × <paramref name="height"/> image left out.
    /// </summary>
    internal static IEnumerable<(int Row, int Column)> BoundaryPixels(double column, double row, double radius, int width, int height)
    {
        var count = Math.Clamp((int)Math.Ceiling(2 * Math.PI * radius), 16, 4096);
        for (var k = 0; k < count; k++)
        {
            var angle = 2 * Math.PI * k / count;
            var y = Math.Round(row + (radius * Math.Sin(angle)), MidpointRounding.AwayFromZero);
            var x = Math.Round(column + (radius * Math.Cos(angle)), MidpointRounding.AwayFromZero);
            if (y >= 1 && x >= 1 && y <= height - 2 && x <= width - 2)
            {
                yield return ((int)y, (int)x);
            }
        }
    }

    // Sobel magnitude at each boundary pixel.
    private static (double Mean, double Std) BoundaryGradient(GrayImage image, double column, double row, double radius)
    {
        var values = new List<double>();
        foreach (var (r, c) in BoundaryPixels(column, row, radius, image.Width, image.Height))
        {
            double P(int dr, int dc) => image[r + dr, c + dc];
            var gx = P(-1, 1) + (2 * P(0, 1)) + P(1, 1) - P(-1, -1) - (2 * P(0, -1)) - P(1, -1);
            var gy = P(1, -1) + (2 * P(1, 0)) + P(1, 1) - P(-1, -1) - (2 * P(-1, 0)) - P(-1, 1);
            values.Add(Math.Sqrt((gx * gx) + (gy * gy)));
        }

        return values.Count == 0 ? (0, 0) : MeanAndStd(values);
    }

    private static (double Mean, double Std) MeanAndStd(List<double> values)
    {
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count));
    }

    private static double Percentile(List<double> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
