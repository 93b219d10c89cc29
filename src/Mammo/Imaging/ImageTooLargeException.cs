namespace Mammo.Imaging;

/// <summary>An image whose header claims more pixels than <see cref="ImageLimits.MaxPixels"/>; nothing of it was decoded.</summary>
public class ImageTooLargeException : ImageLoadException
{
    public ImageTooLargeException()
    {
    }

    public ImageTooLargeException(string message)
        : base(message)
    {
    }

    public ImageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImageTooLargeException(string name, int width, int height, long maxPixels)
        : base($"{name}: the image claims {width}×{height} pixels ({ImageLimits.Describe((long)width * height)}), above the limit of {ImageLimits.Describe(maxPixels)}; it was not decoded")
    {
        Width = width;
        Height = height;
        MaxPixels = maxPixels;
    }

    public int Width { get; }

    public int Height { get; }

    public long MaxPixels { get; }
}
