using Mammo.Imaging;
using Mammo.Imaging.Dicom;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>DICOM wherever an image is read: recognised by its "DICM" marker, whatever the file is called.</summary>
public sealed class ScanImageReaderDicomTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ushort[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => (ushort)(i * 1000))];

    [Fact]
    public void A_DICOM_file_is_read_through_its_window_whatever_its_name()
    {
        var bytes = DicomFileBuilder.Grey(7, 5, Ramp(35)).Build();
        var file = _folder.File("scan.img");
        File.WriteAllBytes(file, bytes);
        var expected = DicomFile.Read(bytes, "scan.img").ToGrayImage();

        var fromFile = ScanImageReader.Read(file);
        var fromBytes = ScanImageReader.Read(bytes, "scan.img");

        Assert.Equal((7, 5), (fromFile.Width, fromFile.Height));
        Assert.Equal(expected.Pixels, fromFile.Pixels);
        Assert.Equal(expected.Pixels, fromBytes.Pixels);
        Assert.Equal(0, fromFile.Pixels[0]);
        Assert.Equal(255, fromFile.Pixels[^1]);
    }

    [Fact]
    public void The_pixel_limit_holds_for_DICOM_too()
    {
        var file = _folder.File("scan.dcm");
        File.WriteAllBytes(file, DicomFileBuilder.Grey(7, 5, Ramp(35)).Build());

        var error = Assert.Throws<ImageTooLargeException>(() => ScanImageReader.Read(file, new ImageLimits(34)));

        Assert.Equal((7, 5, 34L), (error.Width, error.Height, error.MaxPixels));
        Assert.StartsWith($"{file}: the image claims 7×5 pixels", error.Message, StringComparison.Ordinal);
    }
}
