using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Sampling;

public sealed class DetectionPlanTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(3, 48)]
    [InlineData(41, 48)]
    [InlineData(67.8, 48)] // √(48·96) = 67.88: the boundary in ratio
    [InlineData(68, 96)]
    [InlineData(197, 96)]
    public void A_lesion_is_cut_at_the_heat_map_radius_nearest_its_own_in_ratio(double radius, double expected) =>
        Assert.Equal(expected, DetectionPlan.NearestRadius(radius, [48, 96]));

    [Fact]
    public void The_plan_holds_every_located_lesion_at_its_window_radius_and_negatives_from_normal_and_abnormal_scans()
    {
        // Four 200-px films with a breast disc of radius 90 each: a normal one, one with a lesion of radius 10 and one
        // of radius 40, and one whose only calcification has no location (its scan gives no negatives).
        const int size = 200;
        string[] rows = ["mdb001 F NORM", "mdb002 F CIRC B 100 100 10", "mdb002 F CIRC M 60 120 40", "mdb003 F NORM", "mdb004 F CALC B *NOTE 3*"];
        File.WriteAllText(Path.Combine(_folder.Path, "Info.txt"), SyntheticMias.Header + string.Join("\n", rows) + SyntheticMias.Footer);
        foreach (var n in Enumerable.Range(1, 4))
        {
            File.WriteAllBytes(Path.Combine(_folder.Path, $"mdb{n:000}.pgm"), Pgm.Encode(Pgm.WithDisc(size, size, 100, 100, 90, value: 90, background: 0)));
        }

        var dataset = MiasDataset.Load(DatasetSource.Open(_folder.Path), new DatasetLoadOptions(ImageSize: size));
        var sampler = new TissueNegativeSampler { PerScan = 3, Radii = [12, 24], Seed = 1 };

        var plan = DetectionPlan.Plan(dataset.Source, dataset.Scans, sampler, threads: 2);

        var lesions = plan.Origins.Where(o => o.Lesion is not null).ToList();
        Assert.Equal([("mdb002-0", 12.0), ("mdb002-1", 24.0)], lesions.Select(o => (o.Id, o.Radius)));
        Assert.Equal((100.0, 100.0), (lesions[0].X, lesions[0].Y));
        var negatives = plan.Origins.Where(o => o.TissueIndex is not null).ToList();
        Assert.Equal(["mdb001", "mdb002", "mdb003"], negatives.Select(o => o.Scan.Id).Distinct());
        Assert.All(negatives.GroupBy(o => o.Scan.Id), g => Assert.Equal(3, g.Count()));
        Assert.All(negatives.Where(o => o.Scan.Id == "mdb002"), o => Assert.All(o.Scan.Lesions, l => Assert.False(TissueNegativeSampler.Overlaps(o.X, o.Y, o.Radius, l.Location!.Value))));
        Assert.Equal("mdb004", Assert.Single(plan.Skipped).ScanId);
        Assert.Equal(plan.Origins.Select(o => o.Id), DetectionPlan.Plan(dataset.Source, dataset.Scans, sampler, threads: 1).Origins.Select(o => o.Id));
        Assert.Equal(plan.Origins.Count, ClassificationTask.Detect.Samples(plan.Origins).Count);
    }
}
