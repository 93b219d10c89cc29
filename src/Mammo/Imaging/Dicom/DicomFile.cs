namespace Mammo.Imaging.Dicom;

/// <summary>
/// Reads DICOM Part-10 files (preamble, "DICM", File Meta group 0002) holding one uncompressed grey frame in
/// Explicit or Implicit VR Little Endian. Everything else — compressed or big-endian transfer syntaxes, colour,
/// several frames, broken structure — is refused with one <see cref="ImageLoadException"/> line naming the file.
/// </summary>
public static class DicomFile
{
    public const int DefaultMaxPixels = 50_000_000;

    /// <summary>True when <paramref name="head"/> (the file's first 132 bytes or more) has "DICM" at offset 128.</summary>
    public static bool IsDicom(ReadOnlySpan<byte> head) => head.Length >= 132 && head[128..132].SequenceEqual("DICM"u8);

    public static DicomImage Read(string path, int maxPixels = DefaultMaxPixels)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException($"{path}: cannot be read ({e.Message})", e);
        }

        using (stream)
        {
            return Read(stream, path, maxPixels);
        }
    }

    public static DicomImage Read(byte[] content, string name, int maxPixels = DefaultMaxPixels)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream, name, maxPixels);
    }

    /// <summary>Reads from the stream's current position to its end; the stream must be seekable.</summary>
    public static DicomImage Read(Stream stream, string name, int maxPixels = DefaultMaxPixels)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("the stream must be readable and seekable", nameof(stream));
        }

        try
        {
            return new DicomParser(stream, name, maxPixels).Parse();
        }
        catch (EndOfStreamException e)
        {
            // Only when the stream ends before the length it reported; every declared length is checked first.
            throw new ImageLoadException($"{name}: truncated: the stream ended before its reported length ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new ImageLoadException($"{name}: cannot be read ({e.Message})", e);
        }
    }
}
