namespace Mammo.Imaging;

/// <summary>
/// Geometry of a lesion patch. MIAS gives centres with the origin at the bottom-left, so the image row is
/// height − y. The square cut is [x−r, x+r) × [row−r, row+r), zero-padded where it leaves the image.
/// </summary>
public static class PatchGeometry
{
    public static double ImageRow(double miasY, int imageHeight) => imageHeight - miasY;

    public static double MiasY(double imageRow, int imageHeight) => imageHeight - imageRow;

    /// <summary>
    /// The largest radius a region of <paramref name="image"/> may have: its square then covers the whole image from
    /// any centre on it. Larger radii only add padding, and their crops grow as r² (r = 23,000 overflowed the crop).
    /// </summary>
    public static int MaximumRadius(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Math.Max(image.Width, image.Height);
    }

    /// <summary>The square's top-left corner and side in image pixels (rounded as Pillow rounds a crop box).</summary>
    public static (int Left, int Top, int Side) Square(double column, double row, double radius)
    {
        var left = (int)Math.Round(column - radius, MidpointRounding.AwayFromZero);
        var top = (int)Math.Round(row - radius, MidpointRounding.AwayFromZero);
        var side = Math.Max(1, (int)Math.Round(2 * radius, MidpointRounding.AwayFromZero));
        return (left, top, side);
    }

    /// <summary>Copies the square out of <paramref name="image"/>, with zeros where it leaves the image.</summary>
    public static byte[] Crop(GrayImage image, int left, int top, int side)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(side, 2 * (MaximumRadius(image) + 1));
        var result = new byte[checked(side * side)];
        var firstColumn = Math.Max(0, left);
        var lastColumn = Math.Min(image.Width, left + side);
        if (firstColumn >= lastColumn)
        {
            return result;
        }

        for (var row = Math.Max(0, top); row < Math.Min(image.Height, top + side); row++)
        {
            image.Pixels.AsSpan((row * image.Width) + firstColumn, lastColumn - firstColumn)
                .CopyTo(result.AsSpan(((row - top) * side) + (firstColumn - left)));
        }

        return result;
    }
}
