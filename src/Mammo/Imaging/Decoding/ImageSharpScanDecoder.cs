using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Imaging.Decoding;

/// <summary>
/// Every format ImageSharp knows (PNG, JPEG, TIFF, BMP, GIF, TGA, WebP, ASCII PGM), asked last. 16-bit PNG and TIFF
/// are decoded as 16-bit grey (<c>L16</c>) and keep their depth, windowed over the full 0..65535; everything else is
/// decoded as 8-bit grey.
/// </summary>
public sealed class ImageSharpScanDecoder : IScanImageDecoder
{
    public string Name => "a format ImageSharp knows: PGM, PNG, JPEG, TIFF, BMP, GIF, TGA, WebP";

    // The fallback: ImageSharp itself says whether it knows the file.
    public bool Recognises(ReadOnlySpan<byte> head) => true;

    public (int Width, int Height) Identify(Stream stream, string name, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            var identified = Image.Identify(stream) ?? throw new UnknownImageFormatException("no decoder recognised it");
            limits.Check(identified.Width, identified.Height, name);
            return (identified.Width, identified.Height);
        }
        catch (UnknownImageFormatException e)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image (not {Name})", e);
        }
        catch (Exception e) when (e is InvalidImageContentException or NotSupportedException or ImageFormatException or InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image ({e.Message})", e);
        }
    }

    public ScanImage Decode(Stream stream, string name, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var start = stream.Position;
        try
        {
            // The header is identified first, so the pixel limit holds before decoding.
            var identified = Image.Identify(stream, out var format) ?? throw new UnknownImageFormatException("no decoder recognised it");
            limits.Check(identified.Width, identified.Height, name);
            stream.Position = start;
            if (format is PngFormat && identified.Metadata.GetPngMetadata().BitDepth == PngBitDepth.Bit16)
            {
                return Sixteen(Image.Load<L16>(stream));
            }

            if (format is TiffFormat)
            {
                // TIFF's depth is per frame and only known once decoded: an 8-bit TIFF is decoded again as 8-bit grey,
                // so that it converts (colour to grey included) exactly as it always did.
                var tiff = Image.Load<L16>(stream);
                if (tiff.Frames.RootFrame.Metadata.GetTiffMetadata().BitsPerPixel is TiffBitsPerPixel.Bit16 or TiffBitsPerPixel.Bit48)
                {
                    return Sixteen(tiff);
                }

                tiff.Dispose();
                stream.Position = start;
            }

            using var image = Image.Load<L8>(stream);
            var pixels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            return ScanImage.FromGray(new GrayImage(image.Width, image.Height, pixels));
        }
        catch (UnknownImageFormatException e)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image (not {Name})", e);
        }
        catch (Exception e) when (e is InvalidImageContentException or NotSupportedException or ImageFormatException or InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new ImageLoadException($"{name}: cannot be read as an image ({e.Message})", e);
        }
    }

    private static ScanImage Sixteen(Image<L16> decoded)
    {
        using var deep = decoded;
        var samples = new ushort[deep.Width * deep.Height];
        deep.CopyPixelDataTo(System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, L16>(samples.AsSpan()));
        return new ScanImage(deep.Width, deep.Height, samples, 16, ScanImage.LinearLevels(ushort.MaxValue));
    }
}
