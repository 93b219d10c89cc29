using System.Runtime.CompilerServices;

namespace Mammo.Imaging;

/// <summary>
/// A scan's grey levels as z-scores over its own breast tissue (<see cref="BreastMask"/>), stored in 8 bits as
/// <c>128 + 32·z</c> (clipped at about ±4 standard deviations), so that films of different exposure and
/// density look alike to a network. <see cref="ToInput"/> turns a stored level back into its z-score.
/// </summary>
/// <remarks>
/// Done on the whole scan, not per patch: a patch's own statistics would erase what sets a lesion apart from
/// the tissue around it. The mean and deviation come from the breast alone, because the film background and
/// its labels would otherwise dominate both.
/// </remarks>
public static class BreastStandardisation
{
    /// <summary>The stored level of z = 0.</summary>
    public const double Centre = 128;

    /// <summary>Stored levels per standard deviation.</summary>
    public const double LevelsPerDeviation = 32;

    // Extraction cuts many regions from one decoded scan, on several threads: standardise each image once.
    private static readonly ConditionalWeakTable<GrayImage, GrayImage> s_cache = [];

    /// <summary>The standardised image (computed once per image object).</summary>
    public static GrayImage Apply(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return s_cache.GetValue(image, Compute);
    }

    /// <summary>The z-score a stored level stands for.</summary>
    public static float ToInput(byte level) => (float)((level - Centre) / LevelsPerDeviation);

    /// <summary>The breast tissue's mean and (population) standard deviation; the whole image's when no tissue is found.</summary>
    public static (double Mean, double Deviation) Statistics(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var mask = BreastMask.Compute(image);
        double sum = 0, squares = 0;
        long count = 0;
        for (var r = 0; r < image.Height; r++)
        {
            for (var c = 0; c < image.Width; c++)
            {
                if (mask.Area == 0 || mask.Contains(r, c))
                {
                    double p = image.Pixels[(r * image.Width) + c];
                    sum += p;
                    squares += p * p;
                    count++;
                }
            }
        }

        var mean = count > 0 ? sum / count : 0;
        var variance = count > 0 ? Math.Max(0, (squares / count) - (mean * mean)) : 0;
        return (mean, Math.Sqrt(variance));
    }

    private static GrayImage Compute(GrayImage image)
    {
        var (mean, deviation) = Statistics(image);

        // A flat image has no spread to divide by: every level becomes z = 0.
        var scale = deviation > 1e-9 ? LevelsPerDeviation / deviation : 0;
        var table = new byte[256];
        for (var level = 0; level < 256; level++)
        {
            table[level] = (byte)Math.Clamp(Math.Round(Centre + ((level - mean) * scale)), 0, 255);
        }

        var pixels = new byte[image.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = table[image.Pixels[i]];
        }

        return new GrayImage(image.Width, image.Height, pixels);
    }
}
