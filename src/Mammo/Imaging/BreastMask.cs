namespace Mammo.Imaging;

/// <summary>
/// Which pixels are breast tissue: those brighter than a threshold, kept only in the largest 4-connected
/// component. That removes the dark background and the bright film labels MIAS scans carry, which are
/// separate blobs.
/// </summary>
public sealed class BreastMask
{
    private readonly bool[] _inside;

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
