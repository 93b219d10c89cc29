using System.Text.Json;
using Mammo.Imaging;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Cli;

/// <summary>The commands on data that is not MIAS: a manifest of 16-bit and DICOM images, and CBIS-DDSM.</summary>
public sealed class OwnDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public OwnDataTests()
    {
        Directory.CreateDirectory(_folder.File("data"));
        var scan = Pgm.WithDisc(96, 80, 40, 30, 10, value: 220, background: 30);
        File.WriteAllBytes(_folder.File("data/a.dcm"), SixteenBit.Dicom(scan));
        File.WriteAllBytes(_folder.File("data/b.png"), SixteenBit.Png(scan));
        File.WriteAllBytes(_folder.File("data/c.pgm"), Pgm.Encode(GrayImage.Blank(96, 80)));
        File.WriteAllText(Manifest, string.Join('\n',
            "image,patient,x,y,radius,class,severity,split",
            "a.dcm,alice,40,30,10,mass,M,train",
            "b.png,bob,40,30,10,CIRC,benign,test",
            "c.pgm,bob,,,,NORM,,test",
            string.Empty));
    }

    private string Manifest => _folder.File("data/dataset.csv");

    [Fact]
    public void Info_counts_a_manifest()
    {
        var result = CliRunner.Run("info", "--data", Manifest, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal((3, 2, 1, 2), (root.GetProperty("scans").GetInt32(), root.GetProperty("patients").GetInt32(), root.GetProperty("normal_scans").GetInt32(), root.GetProperty("lesions").GetInt32()));
        Assert.Equal(1, root.GetProperty("class_by_severity").GetProperty("MISC").GetProperty("M").GetInt32());
        Assert.Equal("manifest", root.GetProperty("format").GetString());
        Assert.Contains("manifest", CliRunner.Run("info", "--data", Manifest).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_manifest_row_under_strict_is_one_line_with_file_line_and_field()
    {
        File.AppendAllText(Manifest, "c.pgm,bob,1,2,3,CALC,sometimes,test\n");

        var result = CliRunner.Run("info", "--data", Manifest, "--strict");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mammo: error: {Manifest}:5: field 'severity': 'sometimes' is not B, M, benign or malignant", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Patches_and_show_read_DICOM_and_16_bit_images_through_the_manifest()
    {
        var result = CliRunner.Run("patches", "--data", Manifest, "--out", _folder.File("patches"), "--variants", "none");

        Assert.Equal(0, result.ExitCode);
        var rows = File.ReadAllLines(_folder.File("patches/manifest.csv"));
        Assert.Equal(4, rows.Length);

        // The DICOM and the 16-bit PNG are copies of one scan: their lesion patches are the same bytes.
        var pngs = Directory.GetFiles(_folder.File("patches"), "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var a = pngs.Single(p => Path.GetFileName(p).StartsWith("a-0", StringComparison.Ordinal));
        var b = pngs.Single(p => Path.GetFileName(p).StartsWith("b-0", StringComparison.Ordinal));
        Assert.Equal(ScanImageReader.Read(a).Pixels, ScanImageReader.Read(b).Pixels);

        var shown = CliRunner.Run("show", "a", "--data", Manifest, "--out", _folder.File("a.png"));
        Assert.Equal(0, shown.ExitCode);
        Assert.True(File.Exists(_folder.File("a.png")));
    }

    [Fact]
    public void Outputs_inside_a_manifests_folder_are_refused()
    {
        var result = CliRunner.Run("patches", "--data", Manifest, "--out", _folder.File("data/patches"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("mammo: error: ", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("data/patches")));
    }

    [Fact]
    public void Info_reads_a_CBIS_DDSM_folder()
    {
        Directory.CreateDirectory(_folder.File("cbis"));
        CbisMiniature.Write(_folder.File("cbis"));

        var result = CliRunner.Run("info", "--data", _folder.File("cbis"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("CBIS-DDSM", result.Output, StringComparison.Ordinal);
        Assert.Contains("excluded records", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
