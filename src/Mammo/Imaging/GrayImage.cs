namespace Mammo.Imaging;

/// <summary>An 8-bit grey image, row-major, row 0 at the top (image convention, not MIAS's).</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    public byte this[int row, int column] => Pixels[(row * Width) + column];

    public static GrayImage Blank(int width, int height) => new(width, height, new byte[width * height]);
}
