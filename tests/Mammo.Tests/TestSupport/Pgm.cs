using System.Text;
using Mammo.Imaging;

namespace Mammo.Tests.TestSupport;

/// <summary>Writes PGM files and synthetic scans for tests.</summary>
public static class Pgm
{
    public static byte[] Encode(GrayImage image, int maxValue = 255)
    {
        ArgumentNullException.ThrowIfNull(image);
        var header = Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n{maxValue}\n");
        if (maxValue <= 255)
        {
            return [.. header, .. image.Pixels];
        }

        var data = new byte[image.Pixels.Length * 2];
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var value = image.Pixels[i] * maxValue / 255;
            data[2 * i] = (byte)(value >> 8);
            data[(2 * i) + 1] = (byte)value;
        }

        return [.. header, .. data];
    }

    /// <summary>A dark scan with a bright disc centred at image (column, row).</summary>
    public static GrayImage WithDisc(int width, int height, double column, double row, double radius, byte value = 250, byte background = 10)
    {
        var pixels = new byte[width * height];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var dx = c + 0.5 - column;
                var dy = r + 0.5 - row;
                pixels[(r * width) + c] = (dx * dx) + (dy * dy) <= radius * radius ? value : background;
            }
        }

        return new GrayImage(width, height, pixels);
    }

    /// <summary>A patch whose every pixel differs, so any two distinct transforms give distinct images.</summary>
    public static byte[] Asymmetric(int size)
    {
        var pixels = new byte[size * size];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * 7) % 251);
        }

        return pixels;
    }
}
