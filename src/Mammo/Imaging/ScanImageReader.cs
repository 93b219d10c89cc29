using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Imaging;

/// <summary>
/// Decodes a mammogram into a <see cref="GrayImage"/>. Binary PGM (<c>P5</c>, 8 or 16 bit, scaled to 8 bits)
/// is read here; everything else (PNG, JPEG, TIFF, BMP, ASCII PGM …) goes through ImageSharp.
/// </summary>
/// <remarks>
/// Why P5 is not left to ImageSharp: its 2.1 PGM decoder skips every whitespace-valued byte after the header,
/// so an image whose first pixels are 9, 10, 13 or 32 comes out shifted (a test shows it). P5 is a header and
/// raw samples, and we parse and validate that header anyway; a truncated file is refused, never padded.
/// </remarks>
public static class ScanImageReader
{
    public static GrayImage Read(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'5')
        {
            if (!PgmHeader.TryParse(content, out var header, out var error))
            {
                throw new ImageLoadException($"{name}: {error}");
            }

            if (content.Length < header!.ExpectedLength)
            {
                throw new ImageLoadException(
                    $"{name}: truncated PGM: {header.Width}×{header.Height} needs {header.ExpectedLength} bytes, the file has {content.Length}");
            }

            return DecodeBinaryPgm(content, header);
        }

        try
        {
            using var image = Image.Load<L8>(content);
            var pixels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            return new GrayImage(image.Width, image.Height, pixels);
        }
        catch (UnknownImageFormatException e)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image (not a format ImageSharp knows: PGM, PNG, JPEG, TIFF, BMP, GIF, TGA, WebP)", e);
        }
        catch (Exception e) when (e is InvalidImageContentException or NotSupportedException)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image ({e.Message})", e);
        }
    }

    public static GrayImage Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException($"{path}: cannot be read ({e.Message})", e);
        }

        return Read(content, path);
    }

    private static GrayImage DecodeBinaryPgm(byte[] content, PgmHeader header)
    {
        var count = header.Width * header.Height;
        var pixels = new byte[count];
        var data = content.AsSpan(header.DataOffset);
        if (header.BytesPerSample == 1 && header.MaxValue == 255)
        {
            data[..count].CopyTo(pixels);
        }
        else
        {
            // 16-bit samples are big-endian (Netpbm); any maxval is stretched to 0..255.
            var max = header.MaxValue;
            for (var i = 0; i < count; i++)
            {
                var value = header.BytesPerSample == 1 ? data[i] : (data[2 * i] << 8) | data[(2 * i) + 1];
                pixels[i] = (byte)((Math.Min(value, max) * 255 + (max / 2)) / max);
            }
        }

        return new GrayImage(header.Width, header.Height, pixels);
    }
}
