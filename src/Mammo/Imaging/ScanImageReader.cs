using Mammo.Imaging.Decoding;

namespace Mammo.Imaging;

/// <summary>
/// Decodes a mammogram, through the formats of a <see cref="ScanImageDecoders"/> registry (by default DICOM, binary
/// PGM, then ImageSharp's), each recognised by its first bytes, not its name. <see cref="ReadScan(string, ImageLimits?, ScanImageDecoders?)"/>
/// keeps the stored depth (16-bit PNG, TIFF, PGM and DICOM stay 16-bit); <see cref="Read(string, ImageLimits?)"/>
/// gives the 8-bit image through the format's window.
/// </summary>
public static class ScanImageReader
{
    /// <summary>Decodes an image held in memory (a file of a dataset, an upload) at its stored depth.</summary>
    /// <exception cref="ImageLoadException">Not an image, truncated, or above <paramref name="limits"/> (nothing decoded).</exception>
    public static ScanImage ReadScan(byte[] content, string name, ImageLimits? limits = null, ScanImageDecoders? decoders = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return (decoders ?? ScanImageDecoders.Default).Decode(stream, name, limits ?? ImageLimits.Default);
    }

    /// <summary>
    /// Decodes an image file at its stored depth, reading its header first: an image above <paramref name="limits"/>
    /// is refused before any pixel is decoded, and no more of a PGM is read than its header says the pixels need.
    /// </summary>
    /// <exception cref="ImageLoadException">Unreadable, not an image, truncated, or too large.</exception>
    public static ScanImage ReadScan(string path, ImageLimits? limits = null, ScanImageDecoders? decoders = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return (decoders ?? ScanImageDecoders.Default).Decode(stream, path, limits ?? ImageLimits.Default);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Decodes an image held in memory to 8 bits through its format's window.</summary>
    /// <exception cref="ImageLoadException">Not an image, truncated, or above <paramref name="limits"/> (nothing decoded).</exception>
    public static GrayImage Read(byte[] content, string name, ImageLimits? limits = null) => ReadScan(content, name, limits).ToGrayImage();

    /// <summary>Decodes an image file to 8 bits through its format's window.</summary>
    /// <exception cref="ImageLoadException">Unreadable, not an image, truncated, or too large.</exception>
    public static GrayImage Read(string path, ImageLimits? limits = null) => ReadScan(path, limits).ToGrayImage();
}
