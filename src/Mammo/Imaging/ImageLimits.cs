using System.Globalization;

namespace Mammo.Imaging;

/// <summary>
/// What an image may claim, checked from its header before any pixel is decoded, so that a small file that
/// claims a huge image (a 439 kB PNG of 20000×20000) is refused instead of exhausting memory. The default, 50
/// megapixels, is above the largest full-field mammograms (CBIS-DDSM films reach about 6000×4000).
/// </summary>
public sealed record ImageLimits(long MaxPixels = ImageLimits.DefaultMaxPixels)
{
    public const long DefaultMaxPixels = 50_000_000;

    public static ImageLimits Default { get; } = new();

    public bool Allows(int width, int height) => width > 0 && height > 0 && (long)width * height <= MaxPixels;

    /// <exception cref="ImageTooLargeException">The image claims more pixels than allowed.</exception>
    public void Check(int width, int height, string name)
    {
        if (!Allows(width, height))
        {
            throw new ImageTooLargeException(name, width, height, MaxPixels);
        }
    }

    /// <summary>A pixel count as people read it: "400 megapixels", or "4,096 pixels" below a tenth of one.</summary>
    public static string Describe(long pixels) => pixels >= 100_000
        ? (pixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " megapixels"
        : pixels.ToString("N0", CultureInfo.InvariantCulture) + " pixels";
}
