using System.Collections.Concurrent;

namespace Mammo.Baselines;

/// <summary>
/// <see cref="LesionFeatures"/> of a heat-map window: the square patch the network would be shown (a region cut at
/// a window radius and resized to the patch side), with the circle of a quarter of the side at its centre and the
/// ring out to the inscribed circle. Computed on the patch rather than the scan, so a detector of hand-crafted
/// features scores every window of a heat map as cheaply as it scores a training region, and sees both alike.
/// </summary>
/// <remarks>
/// A heat map asks for these features of thousands of windows of one side, so the window's geometry (which pixels
/// are in the circle and the ring, which pairs the co-occurrence counts, where the boundary is sampled) is worked out
/// once per side and every sum is taken in <see cref="LesionFeatures.Compute"/>'s order: the same features to the
/// last bit (a test compares the two on random windows), several times faster.
/// </remarks>
public static class WindowFeatures
{
    private const int GlcmLevels = 8;
    private static readonly int[] s_distances = [1, 2];
    private static readonly ConcurrentDictionary<int, Geometry> s_geometry = new();

    /// <summary>Feature names, in the order <see cref="Compute"/> returns them (those of <see cref="LesionFeatures"/>).</summary>
    public static IReadOnlyList<string> Names => LesionFeatures.Names;

    /// <param name="patch">8-bit grey, row-major, <paramref name="side"/> × <paramref name="side"/>.</param>
    /// <exception cref="ArgumentException">The patch does not hold side² pixels, or the side is under 8.</exception>
    public static double[] Compute(ReadOnlySpan<byte> patch, int side)
    {
        if (side < 8 || patch.Length != side * side)
        {
            throw new ArgumentException($"a window of side {side} (at least 8) needs {side * side} pixels, got {patch.Length}", nameof(patch));
        }

        var g = s_geometry.GetOrAdd(side, s => new Geometry(s));
        var features = new double[Names.Count];
        Span<int> histogram = stackalloc int[256];
        var (insideMean, insideStd, insideLow, insideHigh) = Statistics(patch, g.Inside, histogram);
        var (p10, p90) = (Percentile(histogram, g.Inside.Length, 0.1), Percentile(histogram, g.Inside.Length, 0.9));
        histogram.Clear();
        var (ringMean, ringStd, ringLow, ringHigh) = Statistics(patch, g.Ring, histogram);
        (features[0], features[1], features[2], features[3]) = (insideMean, insideStd, p10, p90);
        (features[4], features[5], features[6], features[7]) = (ringMean, ringStd, insideMean - ringMean, (insideStd + 1) / (ringStd + 1));

        // Levels stretched over the circle and ring's range, as LesionFeatures quantises them, one table per window.
        double low = Math.Min(insideLow, ringLow), high = Math.Max(insideHigh, ringHigh) + 1;
        Span<byte> level = stackalloc byte[256];
        for (var v = (int)low; v < high && v < 256; v++)
        {
            level[v] = (byte)GrayLevelCooccurrence.Quantise((byte)v, low, high, GlcmLevels);
        }

        var next = 8;
        var matrix = new double[GlcmLevels, GlcmLevels];
        foreach (var distance in g.Pairs)
        {
            double contrast = 0, homogeneity = 0, energy = 0, correlation = 0;
            foreach (var (a, b) in distance)
            {
                Array.Clear(matrix);
                for (var k = 0; k < a.Length; k++)
                {
                    var (i, j) = (level[patch[a[k]]], level[patch[b[k]]]);
                    matrix[i, j]++;
                    matrix[j, i]++;
                }

                var total = 2.0 * a.Length;
                if (a.Length > 0)
                {
                    for (var i = 0; i < GlcmLevels; i++)
                    {
                        for (var j = 0; j < GlcmLevels; j++)
                        {
                            matrix[i, j] /= total;
                        }
                    }
                }

                var p = GrayLevelCooccurrence.Properties(matrix);
                (contrast, homogeneity, energy, correlation) = (contrast + p.Contrast, homogeneity + p.Homogeneity, energy + p.Energy, correlation + p.Correlation);
            }

            // Enumerable.Average over the four directions: their sum, in order, over four.
            var n = distance.Length;
            (features[next], features[next + 1], features[next + 2], features[next + 3]) = (contrast / n, homogeneity / n, energy / n, correlation / n);
            next += 4;
        }

        Span<int> codes = stackalloc int[LocalBinaryPattern.CodeCount];
        foreach (var index in g.Texture)
        {
            codes[Code(patch, g.Neighbours, index)]++;
        }

        for (var k = 0; k < LocalBinaryPattern.CodeCount; k++)
        {
            features[next++] = g.Texture.Length > 0 ? codes[k] / (double)g.Texture.Length : 0;
        }

        (features[next], features[next + 1]) = Gradient(patch, side, g.Boundary);
        return features;
    }

    // Mean and population deviation summed in the order given (as LesionFeatures' lists), the range, and each value's count.
    private static (double Mean, double Std, int Low, int High) Statistics(ReadOnlySpan<byte> patch, int[] indices, Span<int> histogram)
    {
        var sum = 0.0;
        int low = 255, high = 0;
        foreach (var index in indices)
        {
            var value = patch[index];
            sum += value;
            histogram[value]++;
            (low, high) = (Math.Min(low, value), Math.Max(high, value));
        }

        var mean = sum / indices.Length;
        var squares = 0.0;
        foreach (var index in indices)
        {
            squares += (patch[index] - mean) * (patch[index] - mean);
        }

        return (mean, Math.Sqrt(squares / indices.Length), low, high);
    }

    // The sorted values' linear interpolation at a fraction, read off their counts.
    private static double Percentile(ReadOnlySpan<int> histogram, int count, double fraction)
    {
        var position = fraction * (count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, count - 1);
        var (lower, upper) = (Nth(histogram, below), Nth(histogram, above));
        return lower + ((position - below) * (upper - lower));
    }

    private static int Nth(ReadOnlySpan<int> histogram, int n)
    {
        var seen = 0;
        for (var v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > n)
            {
                return v;
            }
        }

        return histogram.Length - 1;
    }

    // LocalBinaryPattern.Code without its checks: the geometry only lists pixels with a full neighbourhood.
    private static int Code(ReadOnlySpan<byte> patch, int[] offsets, int index)
    {
        var centre = patch[index];
        int ones = 0, changes = 0;
        var first = patch[index + offsets[0]] >= centre;
        var previous = first;
        ones += first ? 1 : 0;
        for (var k = 1; k < 8; k++)
        {
            var bit = patch[index + offsets[k]] >= centre;
            ones += bit ? 1 : 0;
            changes += bit != previous ? 1 : 0;
            previous = bit;
        }

        changes += previous != first ? 1 : 0;
        return changes <= 2 ? ones : LocalBinaryPattern.CodeCount - 1;
    }

    // The Sobel magnitude at each boundary sample, its mean and population deviation.
    private static (double Mean, double Std) Gradient(ReadOnlySpan<byte> patch, int side, int[] boundary)
    {
        if (boundary.Length == 0)
        {
            return (0, 0);
        }

        Span<double> values = boundary.Length <= 1024 ? stackalloc double[boundary.Length] : new double[boundary.Length];
        var sum = 0.0;
        for (var k = 0; k < boundary.Length; k++)
        {
            var i = boundary[k];
            double upLeft = patch[i - side - 1], up = patch[i - side], upRight = patch[i - side + 1];
            double left = patch[i - 1], right = patch[i + 1];
            double downLeft = patch[i + side - 1], down = patch[i + side], downRight = patch[i + side + 1];
            var gx = upRight + (2 * right) + downRight - upLeft - (2 * left) - downLeft;
            var gy = downLeft + (2 * down) + downRight - upLeft - (2 * up) - upRight;
            values[k] = Math.Sqrt((gx * gx) + (gy * gy));
            sum += values[k];
        }

        var mean = sum / boundary.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(squares / boundary.Length));
    }

    // Which pixels of a side × side window each feature reads, in LesionFeatures' row-major order. The ring's box
    // (centre ± twice the radius) is always the whole window, since twice a quarter of the side is half of it.
    private sealed class Geometry
    {
        public Geometry(int side)
        {
            var centre = (side - 1) / 2.0;
            var radius = side / 4.0;
            var inside = new bool[side * side];
            List<int> circle = [], ring = [];
            for (var r = 0; r < side; r++)
            {
                for (var c = 0; c < side; c++)
                {
                    var d2 = ((r - centre) * (r - centre)) + ((c - centre) * (c - centre));
                    if (d2 <= radius * radius)
                    {
                        inside[(r * side) + c] = true;
                        circle.Add((r * side) + c);
                    }
                    else if (d2 <= 4 * radius * radius)
                    {
                        ring.Add((r * side) + c);
                    }
                }
            }

            (Inside, Ring) = ([.. circle], [.. ring]);
            Pairs = [.. s_distances.Select(d => new[] { (0, d), (-d, d), (-d, 0), (-d, -d) }.Select(o => PairsAt(side, inside, o.Item1, o.Item2)).ToArray())];
            Texture = [.. Enumerable.Range(1, side - 2).SelectMany(r => Enumerable.Range(1, side - 2).Select(c => (r * side) + c)).Where(i => inside[i])];

            Boundary = [.. LesionFeatures.BoundaryPixels(centre, centre, radius, side, side).Select(p => (p.Row * side) + p.Column)];

            // LocalBinaryPattern's neighbours in its order around the centre, as index offsets.
            Neighbours = [1, 1 - side, -side, -side - 1, -1, side - 1, side, side + 1];
        }

        public int[] Neighbours { get; }

        public int[] Inside { get; }

        public int[] Ring { get; }

        /// <summary>By distance (1, 2), by direction (0°, 45°, 90°, 135°): the pixel pairs both inside the circle.</summary>
        public (int[] A, int[] B)[][] Pairs { get; }

        public int[] Texture { get; }

        public int[] Boundary { get; }

        private static (int[] A, int[] B) PairsAt(int side, bool[] inside, int dRow, int dCol)
        {
            List<int> a = [], b = [];
            for (var row = Math.Max(0, -dRow); row < Math.Min(side, side - dRow); row++)
            {
                for (var column = Math.Max(0, -dCol); column < Math.Min(side, side - dCol); column++)
                {
                    var (first, second) = ((row * side) + column, ((row + dRow) * side) + column + dCol);
                    if (inside[first] && inside[second])
                    {
                        a.Add(first);
                        b.Add(second);
                    }
                }
            }

            return ([.. a], [.. b]);
        }
    }
}
