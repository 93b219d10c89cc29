using Mammo.Data;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Networks;
using Mammo.Learning.Training;
using Mammo.Preprocessing;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging;

/// <summary>
/// A 16-bit copy of an 8-bit scan (value × 257) keeps its depth through decoding and cropping, and its window maps
/// it back: the same patches, the same network input, the same predictions as the 8-bit original.
/// </summary>
public sealed class SixteenBitTests : IDisposable
{
    private const int Size = 128;
    private readonly TempFolder _folder = new();

    // A MIAS-format scan: dark film, a bright lesion, and every grey level (top rows) so that no rounding can hide.
    private static GrayImage Scan()
    {
        var image = Pgm.WithDisc(Size, Size, 70, 50, 14, value: 230, background: 20);
        for (var i = 0; i < 20 * Size; i += 3)
        {
            image.Pixels[i] = (byte)((i * 7) % 256);
        }

        return image;
    }

    public static TheoryData<string> Formats => ["pgm", "png", "tiff", "dcm"];

    private static byte[] Encode(string format, GrayImage image) => format switch
    {
        "pgm" => SixteenBit.Pgm(image),
        "png" => SixteenBit.Png(image),
        "tiff" => SixteenBit.Tiff(image),
        "dcm" => SixteenBit.Dicom(image),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sixteen_bit_files_keep_their_samples_and_window_back_to_the_8_bit_levels(string format)
    {
        var original = Scan();
        var deep = ScanImageReader.ReadScan(Encode(format, original), "scan." + format);

        Assert.Equal(16, deep.BitDepth);
        Assert.Equal(SixteenBit.Samples(original), deep.Samples);
        Assert.Equal(original.Pixels, deep.ToGrayImage().Pixels);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Patches_network_input_and_predictions_equal_the_8_bit_original(string format)
    {
        var original = Scan();
        var eight = ScanImageReader.ReadScan(Pgm.Encode(original), "scan.pgm");
        var sixteen = ScanImageReader.ReadScan(Encode(format, original), "scan." + format);
        var extractor = new PatchExtractor();
        var scan = new Mammo.Data.Scan("mdb001", 1, Tissue.Fatty, [], 1);

        // Inside, across the edge (zero padding) and over the lesion, at several radii.
        PatchOrigin[] origins = [new(scan, null, 70, Size - 50, 14), new(scan, null, 5, 5, 20), new(scan, null, 64, 64, 48), new(scan, null, 100.5, 30.25, 7)];
        var fromEight = origins.Select(o => extractor.Cut(eight, o)).ToList();
        var fromSixteen = origins.Select(o => extractor.Cut(sixteen, o)).ToList();
        Assert.Equal(fromEight, fromSixteen);

        // The 8-bit path as it was (GrayImage crop) gives the same bytes too.
        Assert.Equal(fromEight, origins.Select(o => extractor.Cut(original, o)).ToList());

        using var eightInput = PatchTensors.Create(fromEight, [.. origins.Select(_ => 0)], PatchPipeline.Default);
        using var sixteenInput = PatchTensors.Create(fromSixteen, [.. origins.Select(_ => 0)], PatchPipeline.Default);
        Assert.Equal(eightInput.Images.data<float>().ToArray(), sixteenInput.Images.data<float>().ToArray());

        using var model = ModelRegistry.Create("keras", seed: 3);
        var classifier = new PatchClassifier(model, PatchPipeline.Default);
        Assert.Equal(classifier.Predict(fromEight), classifier.Predict(fromSixteen));
    }

    [Fact]
    public void A_manifest_of_16_bit_and_DICOM_copies_cuts_the_same_patches_as_the_8_bit_scan()
    {
        var original = Scan();
        File.WriteAllBytes(_folder.File("a8.pgm"), Pgm.Encode(original));
        File.WriteAllBytes(_folder.File("a16.png"), SixteenBit.Png(original));
        File.WriteAllBytes(_folder.File("a16.dcm"), SixteenBit.Dicom(original));
        File.WriteAllText(_folder.File("dataset.csv"), string.Join('\n',
            "image,patient,x,y,radius,class,severity",
            "a8.pgm,p1,70,50,14,CIRC,B",
            "a16.png,p2,70,50,14,CIRC,B",
            "a16.dcm,p3,70,50,14,CIRC,B"));
        var dataset = DatasetLoader.Load(_folder.File("dataset.csv"), new DatasetLoadOptions(Strict: true));
        var extractor = new PatchExtractor(new PatchOptions { Variants = VariantScheme.None });

        var patches = extractor.Extract(dataset.Source, extractor.Plan(dataset.Scans));

        Assert.Equal(3, patches.Count);
        Assert.Equal(patches[0].Pixels, patches[1].Pixels);
        Assert.Equal(patches[0].Pixels, patches[2].Pixels);

        // The lesion is where the manifest put it (top-left origin): its bright disc fills the patch's centre.
        Assert.Equal(230, patches[0].Pixels[(24 * 48) + 24]);
    }

    public void Dispose() => _folder.Dispose();
}
