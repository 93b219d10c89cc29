using Mammo.Data;
using Mammo.Imaging;
using Mammo.Imaging.Dicom;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Data;

public sealed class ManifestDatasetTests : IDisposable
{
    private const string Header = "image,patient,x,y,radius,class,severity";
    private readonly TempFolder _folder = new();

    public ManifestDatasetTests()
    {
        Directory.CreateDirectory(_folder.File("sub"));
        File.WriteAllBytes(_folder.File("a.pgm"), Pgm.Encode(GrayImage.Blank(64, 48)));
        File.WriteAllBytes(_folder.File("sub/b.pgm"), Pgm.Encode(GrayImage.Blank(64, 48)));
        File.WriteAllBytes(_folder.File("c.pgm"), Pgm.Encode(GrayImage.Blank(64, 48)));
        var mask = GrayImage.Blank(64, 48);
        for (var row = 30; row <= 39; row++)
        {
            for (var column = 10; column <= 19; column++)
            {
                mask.Pixels[(row * 64) + column] = 255;
            }
        }

        File.WriteAllBytes(_folder.File("c-mask.pgm"), Pgm.Encode(mask));
        File.WriteAllBytes(_folder.File("small.pgm"), Pgm.Encode(GrayImage.Blank(8, 8)));
        File.WriteAllText(_folder.File("notes.txt"), "not an image");
    }

    private string Csv => _folder.File("dataset.csv");

    private Dataset Load(string text, bool strict = false)
    {
        File.WriteAllText(Csv, text);
        return ManifestDataset.Load(Csv, new DatasetLoadOptions(strict));
    }

    [Fact]
    public void Good_rows_give_scans_lesions_patients_and_the_optional_columns()
    {
        var dataset = Load(string.Join('\n',
            "image,patient,x,y,radius,class,severity,view,laterality,mask,split",
            "a.pgm,P9,10,8,5,CIRC,B,cc,L,,train",
            "a.pgm,P9,30,40,6,\"free text, with a comma\",malignant,cc,L,,train",
            "sub/b.pgm,P1,,,,NORM,,mlo,right,,test",
            "c.pgm,P1,,,,calcification,M,,,c-mask.pgm,test",
            "c.pgm,P1,,,,SPIC,B,,,,test",
            string.Empty));

        Assert.Empty(dataset.Excluded);
        Assert.Equal(DatasetFormat.Manifest, dataset.Format);
        Assert.Equal(5, dataset.LabelRowCount);
        Assert.Equal(["a", "sub_b", "c"], dataset.Scans.Select(s => s.Id));
        Assert.Equal(["a.pgm", "sub/b.pgm", "c.pgm"], dataset.Scans.Select(s => s.FileName));

        // Patients numbered in the order of their ids, so a split groups P1's two images together.
        Assert.Equal(["P9", "P1", "P1"], dataset.Scans.Select(s => s.PatientId));
        Assert.Equal([new Patient(2), new Patient(1), new Patient(1)], dataset.Scans.Select(s => s.Patient));
        Assert.All(dataset.Lesions, l => Assert.Equal(dataset.FindScan(l.ScanId)!.Patient, l.Patient));

        var a = dataset.Scans[0];
        Assert.Equal((64, 48, "CC", Laterality.Left, FixedSplit.Train), (a.Width!.Value, a.Height!.Value, a.View, a.Laterality!.Value, a.Split!.Value));

        // Top-left y = 8 in a 48-row image is MIAS y = 40.
        Assert.Equal(new LesionLocation(10, 40, 5), a.Lesions[0].Location);
        Assert.Equal((AbnormalityClass.Circumscribed, Severity.Benign, "CIRC"), (a.Lesions[0].Class, a.Lesions[0].Severity, a.Lesions[0].ClassName));
        Assert.Equal((AbnormalityClass.Other, Severity.Malignant, "free text, with a comma", 1), (a.Lesions[1].Class, a.Lesions[1].Severity, a.Lesions[1].ClassName, a.Lesions[1].Index));

        var b = dataset.Scans[1];
        Assert.True(b.IsNormal);
        Assert.Equal(("MLO", Laterality.Right, FixedSplit.Test), (b.View, b.Laterality!.Value, b.Split!.Value));

        // The mask's rectangle (columns 10..19, rows 30..39) gives its centroid and enclosing radius.
        var c = dataset.Scans[2];
        var measured = c.Lesions[0].Location!.Value;
        Assert.Equal((14.5, 48 - 34.5), (measured.X, measured.Y));
        Assert.Equal(4.5 * Math.Sqrt(2), measured.Radius, 12);
        Assert.Equal(AbnormalityClass.Calcification, c.Lesions[0].Class);
        Assert.Null(c.Lesions[1].Location);

        // A lesion without location gets no patch, and the note names the manifest's line.
        var skipped = Assert.Single(new PatchExtractor().Plan(dataset.Scans).Skipped);
        Assert.Equal($"{Csv}:6", skipped.Location);

        var summary = DatasetSummary.Of(dataset);
        Assert.Equal((3, 2, 1, 2, 4), (summary.Scans, summary.Patients, summary.NormalScans, summary.AbnormalScans, summary.Lesions));
        Assert.Equal(1, summary.ClassBySeverity["OTHER"]["M"]);
        Assert.Equal(3, summary.ScansByTissue["-"]);
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { ",P1,1,1,1,CIRC,B", "field 'image': empty; row left out" },
        { "a.pgm,,1,1,1,CIRC,B", "field 'patient': empty; row left out" },
        { "a.pgm,P1,1,1,1,,B", "field 'class': empty (NORM for a normal image, else the lesion's class); row left out" },
        { "a.pgm,P1,1,1,1,CIRC,X", "field 'severity': 'X' is not B, M, benign or malignant; row left out" },
        { "a.pgm,P1,1,1,1,CIRC,", "field 'severity': empty for a lesion (B, M, benign or malignant); row left out" },
        { "a.pgm,P1,abc,1,1,CIRC,B", "field 'x': 'abc' is not a non-negative number of pixels; row left out" },
        { "a.pgm,P1,1,-2,1,CIRC,B", "field 'y': '-2' is not a non-negative number of pixels; row left out" },
        { "a.pgm,P1,1,1,0,CIRC,B", "field 'radius': '0' is not a positive number of pixels; row left out" },
        { "a.pgm,P1,1,,1,CIRC,B", "field 'y': empty while the other coordinates are given (give x, y and radius, or none); row left out" },
        { "a.pgm,P1,5,,,NORM,", "field 'x': '5' given for a NORM row, which has no lesion; row left out" },
        { "a.pgm,P1,,,,NORM,B", "field 'severity': 'B' given for a NORM row, which has no lesion; row left out" },
        { "a.pgm,P1,1,1,1,CIRC,B,,up,,", "field 'laterality': 'up' is not L, R, left or right; row left out" },
        { "a.pgm,P1,1,1,1,CIRC,B,,,,maybe", "field 'split': 'maybe' is not train or test; row left out" },
        { "a.pgm,P1,1,1,1,CIRC,B,,,c-mask.pgm,", "field 'mask': given with x, y and radius (give one or the other); row left out" },
        { "a.pgm,P1,100,10,5,CIRC,B", "lesion at (100, 10) with radius 5 does not fit the 64×48 image; image left out" },
        { "a.pgm,P1,,,,CIRC,B,,,a-mask.pgm,", "field 'mask': {folder}/a-mask.pgm: no such file; image left out" },
        { "a.pgm,P1,,,,CIRC,B,,,notes.txt,", "field 'mask': {folder}/notes.txt: cannot be read as an image (not a format ImageSharp knows: PGM, PNG, JPEG, TIFF, BMP, GIF, TGA, WebP); image left out" },
        { "a.pgm,P1,,,,CIRC,B,,,small.pgm,", "field 'mask': {folder}/small.pgm: the mask is 8×8, its image 64×48; image left out" },
        { "a.pgm,P1,,,,CIRC,B,,,sub/b.pgm,", "field 'mask': {folder}/sub/b.pgm: the mask is empty (no non-zero pixel); image left out" },
        { "nowhere.pgm,P1,1,1,1,CIRC,B", "{folder}/nowhere.pgm: no such file; image left out" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Each_bad_field_is_one_issue_naming_file_line_and_field(string row, string reason)
    {
        var dataset = Load(string.Join('\n', "image,patient,x,y,radius,class,severity,view,laterality,mask,split", "c.pgm,P2,,,,NORM,,,,,", row));

        var issue = Assert.Single(dataset.Excluded);
        Assert.Equal($"{Csv}:3: {reason.Replace("{folder}", _folder.Path, StringComparison.Ordinal)}", issue.ToString());
        Assert.Equal(["c"], dataset.Scans.Select(s => s.Id));
    }

    [Fact]
    public void Rows_of_one_image_that_disagree_leave_the_image_out()
    {
        var dataset = Load(string.Join('\n', Header + ",split", "a.pgm,P1,1,1,1,CIRC,B,train", "c.pgm,P2,,,,NORM,,test", "a.pgm,P1,2,2,2,CIRC,M,test", "a.pgm,P3,2,2,2,CIRC,M,train"));

        Assert.Equal($"{Csv}:4: field 'split' differs from line 2 for the same image; image left out", Assert.Single(dataset.Excluded).ToString());
        Assert.Equal(["c"], dataset.Scans.Select(s => s.Id));
    }

    [Fact]
    public void A_lesion_for_an_image_listed_as_normal_leaves_it_out()
    {
        var dataset = Load(string.Join('\n', Header, "a.pgm,P1,,,,NORM,", "a.pgm,P1,2,2,2,CIRC,M"));

        Assert.Equal($"{Csv}:3: a lesion for an image listed as NORM at line 2; image left out", Assert.Single(dataset.Excluded).ToString());
    }

    [Fact]
    public void A_missing_column_is_fatal_and_named()
    {
        var error = Assert.Throws<MammoDataException>(() => Load("image,patient,x,y,radius,class\na.pgm,P1,,,,NORM\n"));

        Assert.Equal($"{Csv}:1: missing column 'severity' (a manifest needs image, patient, x, y, radius, class, severity)", error.Message);
    }

    [Fact]
    public void Strict_mode_makes_the_first_issue_fatal()
    {
        var error = Assert.Throws<MammoDataException>(() => Load(string.Join('\n', Header, "a.pgm,P1,1,1,1,CIRC,Q", "c.pgm,,,,,NORM,"), strict: true));

        Assert.Equal($"{Csv}:2: field 'severity': 'Q' is not B, M, benign or malignant; row left out (and 1 more issue(s))", error.Message);
        Assert.Equal(DataRemedy.ListAllIssues, error.Remedy);
    }

    [Fact]
    public void The_loader_recognises_a_manifest_and_the_source_never_writes()
    {
        File.WriteAllText(Csv, Header + "\na.pgm,P1,,,,NORM,\n");
        var before = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var dataset = DatasetLoader.Load(Csv);
        var image = dataset.Source.DecodeScan(dataset.Source.ReadScanFile(dataset.Scans[0].FileName));

        Assert.Equal(DatasetFormat.Manifest, DatasetLoader.Detect(Csv));
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
    }

    public void Dispose() => _folder.Dispose();
}
