namespace Mammo.Imaging;

/// <summary>
/// Which pixels are breast tissue: those brighter than a threshold, kept only in the largest 4-connected
/// component. That removes the dark background and the bright film labels MIAS scans carry, which are
/// separate blobs.
/// </summary>
public sealed class BreastMask
{
    private readonly bool[] _inside;
    private long[]? _integral;

    private BreastMask(int width, int height, bool[] inside, int area)
    {
        Width = width;
        Height = height;
        _inside = inside;
        Area = area;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Pixels inside the mask.</summary>
    public int Area { get; }

    public bool Contains(int row, int column) =>
        row >= 0 && row < Height && column >= 0 && column < Width && _inside[(row * Width) + column];

    /// <summary>
    /// The share of the square of half-side <paramref name="radius"/> around (row, column) that is breast tissue,
    /// parts beyond the image counting as outside. A window straddling the skin line or the film's edge sees
    /// background a lesion-centred training patch rarely showed, so detectors ask for most of a window inside.
    /// </summary>
    public double InsideFraction(double row, double column, double radius)
    {
        _integral ??= Integral();
        // Pixel edges nearest to the square's sides, so a square of side 2r counts (2r)² pixels wherever it sits.
        var (top, bottom) = ((int)Math.Floor(row - radius + 0.5), (int)Math.Floor(row + radius + 0.5));
        var (left, right) = ((int)Math.Floor(column - radius + 0.5), (int)Math.Floor(column + radius + 0.5));
        var area = (double)(bottom - top) * (right - left);
        if (area <= 0)
        {
            return Contains((int)row, (int)column) ? 1 : 0;
        }

        var (r0, r1) = (Math.Clamp(top, 0, Height), Math.Clamp(bottom, 0, Height));
        var (c0, c1) = (Math.Clamp(left, 0, Width), Math.Clamp(right, 0, Width));
        long At(int r, int c) => _integral[(r * (Width + 1)) + c];
        return (At(r1, c1) - At(r0, c1) - At(r1, c0) + At(r0, c0)) / area;
    }

    // Summed-area table with a zero first row and column: any rectangle's count in four lookups.
    private long[] Integral()
    {
        var table = new long[(Height + 1) * (Width + 1)];
        for (var r = 0; r < Height; r++)
        {
            long row = 0;
            for (var c = 0; c < Width; c++)
            {
                row += _inside[(r * Width) + c] ? 1 : 0;
                table[((r + 1) * (Width + 1)) + c + 1] = table[(r * (Width + 1)) + c + 1] + row;
            }
        }

        return table;
    }

    public static BreastMask Compute(GrayImage image, byte threshold = 20)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (w, h, pixels) = (image.Width, image.Height, image.Pixels);
        var label = new int[pixels.Length];
        var queue = new int[pixels.Length];
        var bestLabel = 0;
        var bestSize = 0;
        var next = 0;
        for (var start = 0; start < pixels.Length; start++)
        {
            if (pixels[start] <= threshold || label[start] != 0)
            {
                continue;
            }

            next++;
            var (head, tail) = (0, 0);
            queue[tail++] = start;
            label[start] = next;
            while (head < tail)
            {
                var p = queue[head++];
                var (r, c) = (p / w, p % w);
                Visit(r > 0, p - w);
                Visit(r < h - 1, p + w);
                Visit(c > 0, p - 1);
                Visit(c < w - 1, p + 1);
            }

            if (tail > bestSize)
            {
                (bestSize, bestLabel) = (tail, next);
            }

            void Visit(bool valid, int q)
            {
                if (valid && label[q] == 0 && pixels[q] > threshold)
                {
                    label[q] = next;
                    queue[tail++] = q;
                }
            }
        }

        var inside = new bool[pixels.Length];
        for (var i = 0; i < inside.Length; i++)
        {
            inside[i] = bestLabel != 0 && label[i] == bestLabel;
        }

        return new BreastMask(w, h, inside, bestSize);
    }
}
