using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class ClassificationTaskTests
{
    private static readonly PatchOrigin s_normal = SamplingData.Normal(2);
    private static readonly PatchOrigin s_benignCalcification = SamplingData.Lesion(3, AbnormalityClass.Calcification, Severity.Benign);
    private static readonly PatchOrigin s_malignantMass = SamplingData.Lesion(5, AbnormalityClass.Circumscribed, Severity.Malignant);

    [Theory]
    [InlineData("calc", null, 0, null)]
    [InlineData("mass", null, null, 1)]
    [InlineData("arch", null, null, null)]
    [InlineData("asym", null, null, null)]
    [InlineData("all", null, 0, 1)]
    [InlineData("3class", 0, 1, 2)]
    [InlineData("normal-abnormal", 0, 1, 1)]
    [InlineData("detect", null, 1, 1)]
    public void Each_task_labels_a_normal_a_benign_calcification_and_a_malignant_circumscribed_mass(
        string name, int? normal, int? benignCalcification, int? malignantMass)
    {
        var task = ClassificationTask.Parse(name);

        Assert.Equal(normal, task.LabelOf(s_normal));
        Assert.Equal(benignCalcification, task.LabelOf(s_benignCalcification));
        Assert.Equal(malignantMass, task.LabelOf(s_malignantMass));
    }

    [Fact]
    public void Class_names_and_the_positive_class_fit_each_task()
    {
        Assert.Equal(["calc", "mass", "arch", "asym", "all", "3class", "normal-abnormal", "detect"], ClassificationTask.All.Select(t => t.Name));
        foreach (var task in ClassificationTask.All.Take(5))
        {
            Assert.Equal(["benign", "malignant"], task.ClassNames);
            Assert.Equal("malignant", task.ClassNames[task.PositiveClass]);
        }

        Assert.Equal(["normal", "benign", "malignant"], ClassificationTask.ThreeClass.ClassNames);
        Assert.Equal("malignant", ClassificationTask.ThreeClass.ClassNames[ClassificationTask.ThreeClass.PositiveClass]);
        Assert.Equal(["normal", "abnormal"], ClassificationTask.NormalAbnormal.ClassNames);
        Assert.Equal("abnormal", ClassificationTask.NormalAbnormal.ClassNames[ClassificationTask.NormalAbnormal.PositiveClass]);
        Assert.Equal(["tissue", "lesion"], ClassificationTask.Detect.ClassNames);
        Assert.Equal("lesion", ClassificationTask.Detect.ClassNames[ClassificationTask.Detect.PositiveClass]);
    }

    [Fact]
    public void Detect_labels_tissue_regions_of_normal_and_abnormal_scans_as_tissue_and_only_its_tasks_sample_tissue()
    {
        var onNormal = s_normal with { TissueIndex = 0 };
        var onAbnormal = new PatchOrigin(s_malignantMass.Scan, null, 100, 100, 48) { TissueIndex = 3 };

        Assert.Equal(0, ClassificationTask.Detect.LabelOf(onNormal));
        Assert.Equal(0, ClassificationTask.Detect.LabelOf(onAbnormal));
        Assert.Equal("mdb002-t0", onNormal.Id);
        Assert.Equal("mdb005-t3", onAbnormal.Id);
        Assert.Equal([ClassificationTask.Detect], ClassificationTask.All.Where(t => t.SamplesTissue));
    }

    [Fact]
    public void Every_mass_shape_belongs_to_the_mass_task()
    {
        foreach (var cls in new[] { AbnormalityClass.Circumscribed, AbnormalityClass.Spiculated, AbnormalityClass.IllDefined })
        {
            Assert.Equal(0, ClassificationTask.Mass.LabelOf(SamplingData.Lesion(7, cls, Severity.Benign)));
        }

        Assert.Equal(1, ClassificationTask.ArchitecturalDistortion.LabelOf(SamplingData.Lesion(7, AbnormalityClass.ArchitecturalDistortion, Severity.Malignant)));
        Assert.Equal(0, ClassificationTask.Asymmetry.LabelOf(SamplingData.Lesion(7, AbnormalityClass.Asymmetry, Severity.Benign)));
    }

    [Fact]
    public void Samples_keeps_only_the_origins_of_the_task_with_their_labels()
    {
        var samples = ClassificationTask.Calcification.Samples([s_normal, s_benignCalcification, s_malignantMass]);

        var sample = Assert.Single(samples);
        Assert.Equal("mdb003-0", sample.Id);
        Assert.Equal(new Patient(2), sample.Patient);
        Assert.Equal(0, sample.Label);
        Assert.Equal(3, ClassificationTask.ThreeClass.Samples([s_normal, s_benignCalcification, s_malignantMass]).Count);
    }

    [Fact]
    public void Parse_ignores_case_and_rejects_unknown_names_listing_the_valid_ones()
    {
        Assert.Same(ClassificationTask.ThreeClass, ClassificationTask.Parse("3CLASS"));
        Assert.Equal(ClassificationTask.Mass, ClassificationTask.Parse("Mass"));

        var error = Assert.Throws<InvalidSettingException>(() => ClassificationTask.Parse("masses"));

        Assert.Equal("unknown task 'masses'; valid tasks: calc, mass, arch, asym, all, 3class, normal-abnormal, detect", error.Message);
        Assert.False(ClassificationTask.TryParse(null, out _));
    }

    [Fact]
    public void Tasks_print_and_compare_by_name()
    {
        Assert.Equal("normal-abnormal", ClassificationTask.NormalAbnormal.ToString());
        Assert.NotEqual(ClassificationTask.Calcification, ClassificationTask.Mass);
        Assert.Equal(ClassificationTask.All.Count, ClassificationTask.All.Distinct().Count());
    }
}
