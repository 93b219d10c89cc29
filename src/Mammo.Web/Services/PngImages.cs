using Mammo.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Mammo.Web.Services;

/// <summary>Gray scans and colour overlays as PNG bytes for the browser.</summary>
public static class PngImages
{
    // Fast compression: these are made once per scan and cached, and a heat map's overlay is made per request.
    private static readonly PngEncoder s_encoder = new() { CompressionLevel = PngCompressionLevel.BestSpeed, ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 };
    private static readonly PngEncoder s_rgba = new() { CompressionLevel = PngCompressionLevel.BestSpeed, ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit8 };

    /// <summary>The image at full size, or resized (bicubic) to <paramref name="width"/> pixels across.</summary>
    public static byte[] Encode(GrayImage image, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var picture = Image.LoadPixelData<L8>(image.Pixels, image.Width, image.Height);
        if (width is { } w && w < image.Width)
        {
            picture.Mutate(p => p.Resize(w, Math.Max(1, (int)Math.Round((double)image.Height * w / image.Width)), KnownResamplers.Bicubic));
        }

        using var buffer = new MemoryStream();
        picture.SaveAsPng(buffer, s_encoder);
        return buffer.ToArray();
    }

    /// <summary>
    /// A score grid (rows × columns, NaN off the breast) as a transparent PNG coloured by <paramref name="colour"/>
    /// (score 0..1 → red, green, blue); the page stretches it over the scan and sets its opacity.
    /// </summary>
    public static byte[] Overlay(double[,] grid, Func<double, (byte R, byte G, byte B)> colour)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(colour);
        var (rows, columns) = (grid.GetLength(0), grid.GetLength(1));
        using var picture = new Image<Rgba32>(columns, rows);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var score = grid[r, c];
                if (!double.IsNaN(score))
                {
                    var (red, green, blue) = colour(Math.Clamp(score, 0, 1));
                    picture[c, r] = new Rgba32(red, green, blue, 255);
                }
            }
        }

        using var buffer = new MemoryStream();
        picture.SaveAsPng(buffer, s_rgba);
        return buffer.ToArray();
    }
}
