namespace Mammo.Imaging.Decoding;

/// <summary>
/// The image formats Mammo reads, asked in order: the first whose <see cref="IScanImageDecoder.Recognises"/>
/// accepts a file's first bytes decodes it. <see cref="Default"/> is DICOM, binary PGM, then ImageSharp (PNG, JPEG,
/// TIFF, BMP, ASCII PGM …), which takes whatever is left and says so when it cannot.
/// </summary>
public sealed class ScanImageDecoders
{
    /// <summary>Bytes a decoder may look at to recognise its format (DICOM's magic sits at 128..131).</summary>
    public const int HeadLength = 4096;

    public ScanImageDecoders(IReadOnlyList<IScanImageDecoder> decoders)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        Decoders = decoders;
    }

    public static ScanImageDecoders Default { get; } = new([new DicomScanDecoder(), new PgmScanDecoder(), new ImageSharpScanDecoder()]);

    public IReadOnlyList<IScanImageDecoder> Decoders { get; }

    /// <summary>A registry that asks <paramref name="decoder"/> first, then these.</summary>
    public ScanImageDecoders With(IScanImageDecoder decoder) => new([decoder, .. Decoders]);

    /// <exception cref="ImageLoadException">No decoder recognises the file.</exception>
    public IScanImageDecoder For(ReadOnlySpan<byte> head, string name)
    {
        foreach (var decoder in Decoders)
        {
            if (decoder.Recognises(head))
            {
                return decoder;
            }
        }

        throw new ImageLoadException($"{name}: cannot be read as an image (not {string.Join(", ", Decoders.Select(d => d.Name))})");
    }

    /// <summary>The size an image file's header claims, within <paramref name="limits"/>, without decoding its pixels (DICOM excepted).</summary>
    /// <exception cref="ImageLoadException">Unreadable, not an image, truncated, or too large.</exception>
    public (int Width, int Height) Identify(string path, ImageLimits limits)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var head = new byte[(int)Math.Min(HeadLength, stream.Length)];
            stream.ReadExactly(head);
            stream.Position = 0;
            return For(head, path).Identify(stream, path, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Decodes a seekable stream positioned at the image's first byte.</summary>
    public ScanImage Decode(Stream stream, string name, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var head = new byte[(int)Math.Min(HeadLength, stream.Length - start)];
        stream.ReadExactly(head);
        stream.Position = start;
        return For(head, name).Decode(stream, name, limits);
    }
}
