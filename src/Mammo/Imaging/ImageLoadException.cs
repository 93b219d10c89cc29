namespace Mammo.Imaging;

/// <summary>An image that cannot be read; the message names the file and says why.</summary>
public class ImageLoadException : Mammo.Data.MammoDataException
{
    public ImageLoadException()
    {
    }

    public ImageLoadException(string message)
        : base(message)
    {
    }

    public ImageLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
