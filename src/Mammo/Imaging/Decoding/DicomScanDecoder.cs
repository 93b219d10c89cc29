using Mammo.Imaging.Dicom;

namespace Mammo.Imaging.Decoding;

/// <summary>DICOM Part-10 files ("DICM" at byte 128), through Mammo's own <see cref="DicomFile"/> reader.</summary>
public sealed class DicomScanDecoder : IScanImageDecoder
{
    public string Name => "DICOM";

    public bool Recognises(ReadOnlySpan<byte> head) => DicomFile.IsDicom(head);

    public ScanImage Decode(Stream stream, string name, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return DicomFile.Read(stream, name, (int)Math.Min(limits.MaxPixels, int.MaxValue)).ToScanImage();
    }

    // The reader has no header-only mode: the file is parsed, which also proves its pixels are readable.
    public (int Width, int Height) Identify(Stream stream, string name, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var image = DicomFile.Read(stream, name, (int)Math.Min(limits.MaxPixels, int.MaxValue));
        return (image.Width, image.Height);
    }
}
