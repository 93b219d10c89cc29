namespace Mammo.Imaging.Decoding;

/// <summary>
/// Binary PGM (<c>P5</c>), 8 or 16 bits (big-endian, as Netpbm writes), decoded here rather than by ImageSharp.
/// </summary>
/// <remarks>
/// Why P5 is not left to ImageSharp: its 2.1 PGM decoder skips every whitespace-valued byte after the header,
/// so an image whose first pixels are 9, 10, 13 or 32 comes out shifted (a test shows it). P5 is a header and
/// raw samples, and we parse and validate that header anyway; a truncated file is refused, never padded, and no
/// more is read than the header says the pixels need.
/// </remarks>
public sealed class PgmScanDecoder : IScanImageDecoder
{
    public string Name => "binary PGM";

    public bool Recognises(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == (byte)'P' && head[1] == (byte)'5';

    public (int Width, int Height) Identify(Stream stream, string name, ImageLimits limits)
    {
        var header = ReadHeader(stream, name, limits);
        return (header.Width, header.Height);
    }

    public ScanImage Decode(Stream stream, string name, ImageLimits limits)
    {
        var start = stream.Position;
        var header = ReadHeader(stream, name, limits);

        var count = header.Width * header.Height;
        var data = new byte[count * header.BytesPerSample];
        stream.Position = start + header.DataOffset;
        stream.ReadExactly(data);
        var samples = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = header.BytesPerSample == 1 ? data[i] : (ushort)((data[2 * i] << 8) | data[(2 * i) + 1]);
        }

        // The maxval is the format's white: samples are stretched from 0..maxval, whatever the depth.
        return new ScanImage(header.Width, header.Height, samples, header.BytesPerSample * 8, ScanImage.LinearLevels(header.MaxValue));
    }

    // The header, checked against the limits and the file's length (a truncated file is refused, never padded).
    private static PgmHeader ReadHeader(Stream stream, string name, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var start = stream.Position;
        var available = stream.Length - start;
        var head = new byte[(int)Math.Min(ScanImageDecoders.HeadLength, available)];
        stream.ReadExactly(head);
        stream.Position = start;
        if (!PgmHeader.TryParse(head, out var header, out var error))
        {
            throw new ImageLoadException($"{name}: {error}");
        }

        limits.Check(header!.Width, header.Height, name);
        if (available < header.ExpectedLength)
        {
            throw new ImageLoadException($"{name}: truncated PGM: {header.Width}×{header.Height} needs {header.ExpectedLength} bytes, the file has {available}");
        }

        return header;
    }
}
