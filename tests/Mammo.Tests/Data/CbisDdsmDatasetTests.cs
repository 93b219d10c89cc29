using Mammo.Data;
using Mammo.Imaging;
using Mammo.Imaging.Dicom;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Data;

public sealed class CbisDdsmDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CbisDdsmDatasetTests() => CbisMiniature.Write(_folder.Path);

    private Dataset Load() => DatasetLoader.Load(_folder.Path);

    [Fact]
    public void The_miniature_loads_with_its_known_counts()
    {
        var dataset = Load();
        var summary = DatasetSummary.Of(dataset);

        Assert.Equal(DatasetFormat.CbisDdsm, dataset.Format);
        Assert.Equal(DatasetFormat.CbisDdsm, DatasetLoader.Detect(_folder.Path));
        Assert.Equal((4, 3, 0, 4, 5, 5, 6), (summary.Scans, summary.Patients, summary.NormalScans, summary.AbnormalScans, summary.Lesions, summary.LesionsWithLocation, summary.LabelRows));
        Assert.Equal(1, summary.ClassBySeverity["CIRC"]["B"]);
        Assert.Equal(1, summary.ClassBySeverity["SPIC"]["M"]);
        Assert.Equal(1, summary.ClassBySeverity["ARCH"]["B"]);

        // BENIGN_WITHOUT_CALLBACK counts as benign.
        Assert.Equal((1, 1), (summary.ClassBySeverity["CALC"]["B"], summary.ClassBySeverity["CALC"]["M"]));
        Assert.Equal((3, 2), (summary.BenignWithLocation, summary.MalignantWithLocation));

        var issue = Assert.Single(dataset.Excluded);
        Assert.Equal($"{_folder.File("calc_case_description_test_set.csv")}:3: field 'pathology': 'UNKNOWN' is not BENIGN, BENIGN_WITHOUT_CALLBACK or MALIGNANT; row left out", issue.ToString());
    }

    [Fact]
    public void Scans_carry_patient_view_laterality_split_and_the_files_found()
    {
        var scans = Load().Scans.ToDictionary(s => s.Id);

        var cc = scans["Mass-Training_P_00001_LEFT_CC"];
        Assert.Equal(("P_00001", "CC", Laterality.Left, FixedSplit.Train, 64, 48), (cc.PatientId, cc.View, cc.Laterality!.Value, cc.Split!.Value, cc.Width!.Value, cc.Height!.Value));
        Assert.Equal(scans["Calc-Training_P_00001_LEFT_MLO"].Patient, cc.Patient);
        Assert.Equal("MASS OVAL CIRCUMSCRIBED", cc.Lesions[0].ClassName);

        // The NBIA layout is found under the first folder the CSV names.
        var test = scans["Mass-Test_P_00003_RIGHT_CC"];
        Assert.Equal(("Mass-Test_P_00003_RIGHT_CC/10-04-2016-DDSM-NA-1/1.000000-full mammogram images-2/1-1.dcm", FixedSplit.Test), (test.FileName, test.Split!.Value));
        Assert.Equal(FixedSplit.Test, scans["Calc-Test_P_00002_RIGHT_MLO"].Split);
    }

    [Fact]
    public void Lesion_centres_and_radii_come_from_the_masks_in_MIAS_convention()
    {
        var scans = Load().Scans.ToDictionary(s => s.Id);

        // Rectangle columns 10..20, rows 12..22: centre (15, 17), so MIAS y = 48 − 17.
        AssertLocation((15, 31, 5 * Math.Sqrt(2)), scans["Mass-Training_P_00001_LEFT_CC"].Lesions[0]);

        // The CSV names the cropped image as lesion 2's mask; the mask of the image's size beside it is used.
        AssertLocation((44.5, 48 - 34.5, 4.5 * Math.Sqrt(2)), scans["Mass-Training_P_00001_LEFT_CC"].Lesions[1]);
        AssertLocation((4.5, 48 - 4.5, 4.5 * Math.Sqrt(2)), scans["Mass-Test_P_00003_RIGHT_CC"].Lesions[0]);
        Assert.Equal(AbnormalityClass.ArchitecturalDistortion, scans["Mass-Test_P_00003_RIGHT_CC"].Lesions[0].Class);
    }

    [Fact]
    public void The_official_split_is_respected()
    {
        var dataset = Load();
        var samples = ClassificationTask.AllAbnormal.Samples(new PatchExtractor().Plan(dataset.Scans).Origins);

        var split = OfficialSplit.Split(samples, seed: 0, validation: 0, ClassificationTask.AllAbnormal.ClassNames);

        Assert.Equal(["Calc-Test_P_00002_RIGHT_MLO-0", "Mass-Test_P_00003_RIGHT_CC-0"], split.Test.Select(s => s.Id));
        Assert.Equal(["Calc-Training_P_00001_LEFT_MLO-0", "Mass-Training_P_00001_LEFT_CC-0", "Mass-Training_P_00001_LEFT_CC-1"], split.Train.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Empty(split.Validation);
    }

    [Fact]
    public void DICOM_scans_go_through_patch_extraction_at_full_depth()
    {
        var dataset = Load();
        var extractor = new PatchExtractor(new PatchOptions { Variants = VariantScheme.None, Size = 16 });

        var patches = extractor.Extract(dataset.Source, extractor.Plan(dataset.Scans));

        Assert.Equal(5, patches.Count);
        var scan = dataset.FindScan("Mass-Training_P_00001_LEFT_CC")!;
        var image = ScanImageReader.ReadScan(Path.Combine(_folder.Path, scan.FileName));
        Assert.Equal(16, image.BitDepth);
        var origin = patches[0].Origin;
        Assert.Equal(extractor.Cut(image, origin), patches.First(p => p.Origin.Id == origin.Id).Pixels);
    }

    private static void AssertLocation((double X, double Y, double Radius) expected, Lesion lesion)
    {
        var at = lesion.Location!.Value;
        Assert.Equal((expected.X, expected.Y), (at.X, at.Y));
        Assert.Equal(expected.Radius, at.Radius, 12);
    }

    public void Dispose() => _folder.Dispose();
}
