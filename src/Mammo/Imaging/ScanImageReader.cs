using Mammo.Imaging.Dicom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Imaging;

/// <summary>
/// Decodes a mammogram into a <see cref="GrayImage"/>. Binary PGM (<c>P5</c>, 8 or 16 bit, scaled to 8 bits) is
/// read here, DICOM by <see cref="DicomFile"/> (mapped to 8 bits through its window), everything else (PNG, JPEG,
/// TIFF, BMP, ASCII PGM …) through ImageSharp. Each is recognised by its first bytes, not its name.
/// </summary>
/// <remarks>
/// Why P5 is not left to ImageSharp: its 2.1 PGM decoder skips every whitespace-valued byte after the header,
/// so an image whose first pixels are 9, 10, 13 or 32 comes out shifted (a test shows it). P5 is a header and
/// raw samples, and we parse and validate that header anyway; a truncated file is refused, never padded.
/// </remarks>
public static class ScanImageReader
{
    // Enough for a PGM header with long comments; the pixels follow it.
    private const int HeaderBytes = 4096;

    /// <summary>Decodes an image held in memory (a file of a dataset, an upload).</summary>
    /// <exception cref="ImageLoadException">Not an image, truncated, or above <paramref name="limits"/> (nothing decoded).</exception>
    public static GrayImage Read(byte[] content, string name, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= ImageLimits.Default;
        if (DicomFile.IsDicom(content))
        {
            return DicomFile.Read(content, name, DicomLimit(limits)).ToGrayImage();
        }

        if (IsBinaryPgm(content))
        {
            var header = ParsePgm(content, name, limits);
            if (content.Length < header.ExpectedLength)
            {
                throw Truncated(name, header, content.Length);
            }

            return DecodeBinaryPgm(content, header);
        }

        return Decode(name, limits, info: () => Image.Identify(content), load: () => Image.Load<L8>(content));
    }

    /// <summary>
    /// Decodes an image file, reading its header first: an image above <paramref name="limits"/> is refused before
    /// any pixel is decoded, and no more of a PGM is read than its header says the pixels need.
    /// </summary>
    /// <exception cref="ImageLoadException">Unreadable, not an image, truncated, or too large.</exception>
    public static GrayImage Read(string path, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= ImageLimits.Default;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var head = new byte[(int)Math.Min(HeaderBytes, stream.Length)];
            stream.ReadExactly(head);
            if (DicomFile.IsDicom(head))
            {
                stream.Position = 0;
                return DicomFile.Read(stream, path, DicomLimit(limits)).ToGrayImage();
            }

            if (IsBinaryPgm(head))
            {
                var header = ParsePgm(head, path, limits);
                if (stream.Length < header.ExpectedLength)
                {
                    throw Truncated(path, header, stream.Length);
                }

                var content = new byte[header.ExpectedLength];
                head.AsSpan(0, (int)Math.Min(head.Length, content.Length)).CopyTo(content);
                if (content.Length > head.Length)
                {
                    stream.ReadExactly(content.AsSpan(head.Length));
                }

                return DecodeBinaryPgm(content, header);
            }

            return Decode(path, limits, info: () => Rewound(stream, Image.Identify), load: () => Rewound(stream, Image.Load<L8>));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    private static int DicomLimit(ImageLimits limits) => (int)Math.Min(limits.MaxPixels, int.MaxValue);

    private static bool IsBinaryPgm(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == (byte)'P' && head[1] == (byte)'5';

    private static PgmHeader ParsePgm(ReadOnlySpan<byte> head, string name, ImageLimits limits)
    {
        if (!PgmHeader.TryParse(head, out var header, out var error))
        {
            throw new ImageLoadException($"{name}: {error}");
        }

        limits.Check(header!.Width, header.Height, name);
        return header;
    }

    private static ImageLoadException Truncated(string name, PgmHeader header, long length) =>
        new($"{name}: truncated PGM: {header.Width}×{header.Height} needs {header.ExpectedLength} bytes, the file has {length}");

    private static T Rewound<T>(Stream stream, Func<Stream, T> read)
    {
        stream.Position = 0;
        return read(stream);
    }

    // Other formats go through ImageSharp: the header is identified first, so the pixel limit holds before decoding.
    private static GrayImage Decode(string name, ImageLimits limits, Func<IImageInfo?> info, Func<Image<L8>> load)
    {
        try
        {
            var identified = info() ?? throw new UnknownImageFormatException("no decoder recognised it");
            limits.Check(identified.Width, identified.Height, name);
            using var image = load();
            var pixels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            return new GrayImage(image.Width, image.Height, pixels);
        }
        catch (UnknownImageFormatException e)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image (not a format ImageSharp knows: PGM, PNG, JPEG, TIFF, BMP, GIF, TGA, WebP)", e);
        }
        catch (Exception e) when (e is InvalidImageContentException or NotSupportedException or ImageFormatException or InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image ({e.Message})", e);
        }
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
