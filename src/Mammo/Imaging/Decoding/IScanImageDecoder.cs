namespace Mammo.Imaging.Decoding;

/// <summary>
/// One image format: recognised by its first bytes (never its name), decoded into a <see cref="ScanImage"/> at
/// its stored depth. A new format is a new implementation added to <see cref="ScanImageDecoders"/>; nothing that
/// cuts or scores images changes.
/// </summary>
public interface IScanImageDecoder
{
    /// <summary>The format's name, for messages.</summary>
    string Name { get; }

    /// <summary>Whether the file that starts with <paramref name="head"/> is this format.</summary>
    bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>Decodes the image from the start of <paramref name="stream"/>, refusing one above <paramref name="limits"/> before any pixel.</summary>
    /// <exception cref="ImageLoadException">Not readable as this format, truncated, or too large; the message names <paramref name="name"/>.</exception>
    ScanImage Decode(Stream stream, string name, ImageLimits limits);

    /// <summary>The image's width and height from its header (DICOM: the whole file is parsed), checked against <paramref name="limits"/>.</summary>
    /// <exception cref="ImageLoadException">Not readable as this format, truncated, or too large.</exception>
    (int Width, int Height) Identify(Stream stream, string name, ImageLimits limits);
}
