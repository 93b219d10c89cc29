using Mammo.Imaging;
using Mammo.Imaging.Dicom;
using Mammo.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>
/// Files written by DCMTK (img2dcm from an 8-bit BMP, attributes set with dcmodify, re-encoded with dcmconv and
/// its compressors), read by us and compared with the image written and with dcm2pnm's rendering.
/// </summary>
public class DcmtkReferenceTests
{
    private const int Width = 37;
    private const int Height = 23;

    [ReferenceToolTheory(ReferenceTool.Dcmtk)]
    [InlineData("as written", false)]
    [InlineData("as written", true)]
    [InlineData("window", false)]
    [InlineData("window", true)]
    [InlineData("sigmoid", false)]
    [InlineData("monochrome1", false)]
    [InlineData("monochrome1", true)]
    [InlineData("monochrome1 window", false)]
    [InlineData("rescale", true)]
    public void An_img2dcm_file_reads_pixel_for_pixel_and_renders_as_dcm2pnm_does(string edit, bool implicitVr)
    {
        using var folder = new TempFolder();
        var pattern = Pattern();
        var path = Img2Dcm(folder, pattern);
        string[] changes = edit switch
        {
            "as written" => [],
            "window" => ["-i", "(0028,1050)=100", "-i", "(0028,1051)=81"],
            "sigmoid" => ["-i", "(0028,1050)=120", "-i", "(0028,1051)=60", "-i", "(0028,1056)=SIGMOID"],
            "monochrome1" => ["-m", "(0028,0004)=MONOCHROME1"],
            "monochrome1 window" => ["-m", "(0028,0004)=MONOCHROME1", "-i", "(0028,1050)=60", "-i", "(0028,1051)=100"],
            "rescale" => ["-i", "(0028,1052)=-50", "-i", "(0028,1053)=2", "-i", "(0028,1054)=US"],
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        };
        if (changes.Length > 0)
        {
            ReferenceTools.Run("dcmodify", ["-nb", .. changes, path]);
        }

        if (implicitVr)
        {
            ReferenceTools.Run("dcmconv", ["+ti", path, path + ".implicit.dcm"]);
            path += ".implicit.dcm";
        }

        var image = DicomFile.Read(path);

        Assert.Equal(implicitVr ? DicomTransferSyntax.ImplicitVrLittleEndian : DicomTransferSyntax.ExplicitVrLittleEndian, image.TransferSyntax);
        Assert.Equal((Width, Height, 8), (image.Width, image.Height, image.BitsAllocated));
        var (slope, intercept) = edit == "rescale" ? (2.0, -50.0) : (1.0, 0.0);
        Assert.Equal(pattern.Pixels.Select(p => (float)((p * slope) + intercept)), image.Values);
        var ours = image.ToGrayImage();
        var dcmtk = Dcm2Pnm.Render(path, Dcm2Pnm.MatchingOptions(image));
        // DCMTK truncates the formula's value, ours rounds it: one level below ours at most (see PydicomReferenceTests).
        Assert.All(ours.Pixels.Zip(dcmtk.Pixels), p => Assert.InRange(p.First - p.Second, 0, 1));
    }

    [ReferenceToolFact(ReferenceTool.Dcmtk)]
    public void Attributes_set_with_dcmodify_are_read_typed()
    {
        using var folder = new TempFolder();
        var path = Img2Dcm(folder, Pattern());
        ReferenceTools.Run("dcmodify", ["-nb", "-i", "(0020,0062)=L", "-i", "(0018,5101)=MLO", "-m", "(0010,0020)=VINDR-0042",
            "-i", "(0008,0068)=FOR PRESENTATION", "-i", "(0028,1050)=128\\64", "-i", "(0028,1051)=256\\32", "-i", "(0028,1056)=LINEAR_EXACT",
            "-i", "(0028,0120)=0", path]);

        var image = DicomFile.Read(path);

        Assert.Equal(Laterality.Left, image.Laterality);
        Assert.Equal("MLO", image.ViewPosition);
        Assert.Equal("VINDR-0042", image.PatientId);
        Assert.Equal(PresentationIntent.ForPresentation, image.PresentationIntent);
        Assert.Equal(new DicomWindow(128, 256, VoiLutFunction.LinearExact), image.Window);
        Assert.Equal(0, image.PixelPaddingValue);
        Assert.Equal(Pattern().Pixels.Count(p => p == 0), image.Padding!.Count(p => p));
    }

    [ReferenceToolFact(ReferenceTool.Dcmtk)]
    public void A_jpeg_wrapped_by_img2dcm_is_refused_with_its_syntax_and_the_way_out()
    {
        using var folder = new TempFolder();
        using (var jpeg = Image.LoadPixelData<L8>(Pattern().Pixels, Width, Height))
        {
            jpeg.SaveAsJpeg(folder.File("p.jpg"), new JpegEncoder { Quality = 90 });
        }

        ReferenceTools.Run("img2dcm", [folder.File("p.jpg"), folder.File("p.dcm")]);

        var error = Assert.Throws<ImageLoadException>(() => DicomFile.Read(folder.File("p.dcm")));
        Assert.Equal(
            $"{folder.File("p.dcm")}: transfer syntax JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50) is not read, only uncompressed " +
            "Explicit VR Little Endian (1.2.840.10008.1.2.1) and Implicit VR Little Endian (1.2.840.10008.1.2); " +
            "convert the file first: gdcmconv --raw in.dcm out.dcm (Debian package libgdcm-tools)",
            error.Message);
    }

    [ReferenceToolTheory(ReferenceTool.Dcmtk)]
    [InlineData("dcmcjpeg", "", "1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])")]
    [InlineData("dcmcjpeg", "+ee", "1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)")]
    [InlineData("dcmcjpls", "", "1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression")]
    [InlineData("dcmcrle", "", "1.2.840.10008.1.2.5", "RLE Lossless")]
    [InlineData("dcmconv", "+td", "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian")]
    [InlineData("dcmconv", "+tb", "1.2.840.10008.1.2.2", "Explicit VR Big Endian")]
    public void Files_dcmtk_compresses_or_re_encodes_are_refused_with_their_syntax(string tool, string option, string uid, string name)
    {
        using var folder = new TempFolder();
        var encoded = Encode(folder, tool, option);

        var error = Assert.Throws<ImageLoadException>(() => DicomFile.Read(encoded));

        Assert.StartsWith($"{encoded}: transfer syntax {name} ({uid}) is not read, ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("convert the file first: gdcmconv --raw in.dcm out.dcm (Debian package libgdcm-tools)", error.Message, StringComparison.Ordinal);
    }

    [ReferenceToolTheory(ReferenceTool.Dcmtk, ReferenceTool.Gdcm)]
    [InlineData("dcmcjpeg", "")]
    [InlineData("dcmcjpls", "")]
    [InlineData("dcmcrle", "")]
    [InlineData("dcmconv", "+td")]
    [InlineData("dcmconv", "+tb")]
    public void The_way_out_works_gdcmconv_raw_gives_back_the_original_values(string tool, string option)
    {
        using var folder = new TempFolder();
        var encoded = Encode(folder, tool, option);

        ReferenceTools.Run("gdcmconv", ["--raw", encoded, folder.File("raw.dcm")]);

        var image = DicomFile.Read(folder.File("raw.dcm"));
        Assert.Equal(DicomFile.Read(folder.File("source.dcm")).Values, image.Values);
        Assert.Equal(12, image.BitsStored);
    }

    [ReferenceToolFact(ReferenceTool.Gdcm)]
    public void Jpeg_2000_from_gdcmconv_is_refused_and_gdcmconv_raw_restores_it()
    {
        using var folder = new TempFolder();
        var encoded = Encode(folder, "gdcmconv", "--j2k");

        var error = Assert.Throws<ImageLoadException>(() => DicomFile.Read(encoded));
        Assert.StartsWith($"{encoded}: transfer syntax JPEG 2000 Image Compression (Lossless Only) (1.2.840.10008.1.2.4.90) is not read, ", error.Message, StringComparison.Ordinal);

        ReferenceTools.Run("gdcmconv", ["--raw", encoded, folder.File("raw.dcm")]);
        Assert.Equal(DicomFile.Read(folder.File("source.dcm")).Values, DicomFile.Read(folder.File("raw.dcm")).Values);
    }

    /// <summary>A 37×23 8-bit gradient (0 at the top-left, 250 at the bottom-right) with a bright square.</summary>
    private static GrayImage Pattern()
    {
        var pixels = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                pixels[(y * Width) + x] = (byte)Math.Round(250 * ((0.6 * x / (Width - 1)) + (0.4 * y / (Height - 1))));
            }
        }

        for (var y = 5; y < 11; y++)
        {
            for (var x = 5; x < 11; x++)
            {
                pixels[(y * Width) + x] = 200;
            }
        }

        return new GrayImage(Width, Height, pixels);
    }

    private static string Img2Dcm(TempFolder folder, GrayImage pattern)
    {
        using (var bmp = Image.LoadPixelData<L8>(pattern.Pixels, Width, Height))
        {
            bmp.SaveAsBmp(folder.File("p.bmp"), new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel8 });
        }

        ReferenceTools.Run("img2dcm", ["-i", "BMP", folder.File("p.bmp"), folder.File("p.dcm")]);
        return folder.File("p.dcm");
    }

    /// <summary>A 16-bit file (12 bits stored, a gradient over 0..4095) run through a DCMTK encoder.</summary>
    private static string Encode(TempFolder folder, string tool, string option)
    {
        var samples = Enumerable.Range(0, Width * Height).Select(i => (ushort)(i * 4095 / ((Width * Height) - 1))).ToArray();
        File.WriteAllBytes(folder.File("source.dcm"), DicomFileBuilder.Grey(Width, Height, samples, bitsStored: 12).Build());
        var output = folder.File("encoded.dcm");
        ReferenceTools.Run(tool, [.. option.Length > 0 ? [option] : Array.Empty<string>(), folder.File("source.dcm"), output]);
        return output;
    }
}
