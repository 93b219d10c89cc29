using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Mammo.Imaging;

/// <summary>Bicubic resizing of grey pixels through ImageSharp (what patches and heat-map scales use).</summary>
public static class Resampling
{
    public static byte[] Resize(byte[] pixels, int width, int height, int newWidth, int newHeight)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width == newWidth && height == newHeight)
        {
            return pixels;
        }

        using var image = Image.LoadPixelData<L8>(pixels, width, height);
        image.Mutate(x => x.Resize(newWidth, newHeight, KnownResamplers.Bicubic));
        var result = new byte[newWidth * newHeight];
        image.CopyPixelDataTo(result);
        return result;
    }

    public static GrayImage Resize(GrayImage image, int newWidth, int newHeight)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new GrayImage(newWidth, newHeight, Resize(image.Pixels, image.Width, image.Height, newWidth, newHeight));
    }
}
