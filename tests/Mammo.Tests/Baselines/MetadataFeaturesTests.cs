using Mammo.Baselines;
using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;

namespace Mammo.Tests.Baselines;

public class MetadataFeaturesTests
{
    private static Sample Lesion(AbnormalityClass cls, double radius, double patchRadius)
    {
        var lesion = new Lesion("mdb003", 0, new Patient(2), cls, Severity.Benign, new LesionLocation(100, 200, radius), null, 5);
        var scan = new Scan("mdb003", 3, Tissue.Fatty, [lesion], 5);
        return new Sample(new PatchOrigin(scan, lesion, 100, 200, patchRadius), 0);
    }

    [Fact]
    public void A_lesion_is_its_class_one_hot_and_the_log_of_its_annotated_radius()
    {
        // The patch radius (a radius rule's) is not the annotated one; the metadata uses the label table's.
        var features = MetadataFeatures.Of(Lesion(AbnormalityClass.Spiculated, 20, 48));

        Assert.Equal([0, 0, 1, 0, 0, 0, Math.Log(20)], features!);
        Assert.Equal(20, MetadataFeatures.Radius(Lesion(AbnormalityClass.Spiculated, 20, 48)));
        Assert.Equal(MetadataFeatures.Names.Count, features!.Length);
    }

    [Fact]
    public void A_normal_scan_has_no_metadata()
    {
        var scan = new Scan("mdb004", 4, Tissue.Fatty, [], 6);
        var sample = new Sample(new PatchOrigin(scan, null, 500, 500, 48), 0);

        Assert.Null(MetadataFeatures.Of(sample));
        Assert.Null(MetadataFeatures.Radius(sample));
    }
}
