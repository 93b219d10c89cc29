using Mammo.Data;
using Mammo.Imaging;
using Mammo.Sampling;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Sampling;

/// <summary>The detector's negatives on synthetic breasts with lesions at known places.</summary>
public class TissueNegativeSamplerTests
{
    private const int Size = 300;

    // A breast disc of radius 120 at image (150, 150); the lesions below lie inside it.
    private static readonly BreastMask s_mask = BreastMask.Compute(Pgm.WithDisc(Size, Size, 150, 150, 120, value: 100, background: 0));

    private static Scan ScanWith(int number, params LesionLocation?[] lesions)
    {
        var id = $"mdb{number:000}";
        var list = lesions.Select((l, i) => new Lesion(id, i, Patient.OfScan(number), AbnormalityClass.Circumscribed, Severity.Benign, l, l is null ? "*NOTE 3*" : null, number + i)).ToList();
        return new Scan(id, number, Tissue.Fatty, list, number);
    }

    [Fact]
    public void Negatives_never_overlap_a_lesion_and_stay_inside_the_breast_mask()
    {
        // Two lesions: MIAS y is measured from the bottom, so image row 150 is y 150 and row 100 is y 200.
        var lesions = new LesionLocation?[] { new LesionLocation(120, 150, 30), new LesionLocation(200, 200, 15) };
        var sampler = new TissueNegativeSampler { PerScan = 40, Radii = [12, 24], Seed = 3 };

        foreach (var number in Enumerable.Range(2, 10))
        {
            var negatives = sampler.Sample(ScanWith(number, lesions), s_mask);

            Assert.Equal(40, negatives.Count);
            Assert.Equal(Enumerable.Range(0, 40), negatives.Select(n => n.TissueIndex!.Value));
            Assert.Equal(40, negatives.Select(n => n.Id).Distinct().Count());
            Assert.All(negatives, n =>
            {
                Assert.Null(n.Lesion);
                Assert.True(n.Radius is 12 or 24);
                var row = PatchGeometry.ImageRow(n.Y, Size);

                // Clear of both lesion circles: centre distance at least the two radii.
                Assert.True(Math.Sqrt(Math.Pow(n.X - 120, 2) + Math.Pow(n.Y - 150, 2)) >= n.Radius + 30);
                Assert.True(Math.Sqrt(Math.Pow(n.X - 200, 2) + Math.Pow(n.Y - 200, 2)) >= n.Radius + 15);

                // Centred on the disc and its square at least 90% tissue: the square's corners are then within about
                // 120 + a few pixels of the disc's centre, and a centre farther than 120 − r·(1 − 0.9·…) is refused.
                Assert.True(Math.Sqrt(Math.Pow(n.X - 150, 2) + Math.Pow(row - 150, 2)) <= 120);
                Assert.True(s_mask.InsideFraction(row, n.X, n.Radius) >= 0.9);
            });
        }
    }

    [Fact]
    public void Both_radii_are_drawn_and_negatives_spread_over_the_breast_not_its_centre()
    {
        var negatives = new TissueNegativeSampler { PerScan = 200, Radii = [12, 24], Seed = 1 }.Sample(ScanWith(4), s_mask);

        Assert.InRange(negatives.Count(n => n.Radius == 12), 70, 130);

        // Uniform on the disc (up to the 90% rule): a quarter of the area lies within half the radius.
        var near = negatives.Count(n => Math.Pow(n.X - 150, 2) + Math.Pow(PatchGeometry.ImageRow(n.Y, Size) - 150, 2) <= 60 * 60);
        Assert.InRange(near, 35, 90);
        Assert.Contains(negatives, n => Math.Abs(n.X - 150) > 80);
    }

    [Fact]
    public void The_same_seed_and_scan_give_the_same_negatives_and_another_seed_others()
    {
        var scan = ScanWith(7, new LesionLocation(150, 150, 20));

        var first = new TissueNegativeSampler { Radii = [24], Seed = 5 }.Sample(scan, s_mask);
        var again = new TissueNegativeSampler { Radii = [24], Seed = 5 }.Sample(scan, s_mask);
        var other = new TissueNegativeSampler { Radii = [24], Seed = 6 }.Sample(scan, s_mask);

        Assert.Equal(4, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(o => (o.X, o.Y)), other.Select(o => (o.X, o.Y)));
    }

    [Fact]
    public void A_breast_with_no_room_gives_fewer_negatives_and_an_unlocated_lesion_none()
    {
        // A lesion of radius 120 covers the whole disc: no window of radius 24 stays clear of it.
        var covered = new TissueNegativeSampler { Radii = [24] }.Sample(ScanWith(9, new LesionLocation(150, 150, 120)), s_mask);
        var unlocated = ScanWith(11, (LesionLocation?)null);

        Assert.Empty(covered);
        Assert.False(TissueNegativeSampler.CanSample(unlocated));
        Assert.True(TissueNegativeSampler.CanSample(ScanWith(12)));
        Assert.Throws<ArgumentException>(() => new TissueNegativeSampler().Sample(unlocated, s_mask));
    }

    [Theory]
    [InlineData(4.0, true)] // touching circles (distance 5 = 3 + 2) do not overlap; 4 < 5 does
    [InlineData(5.0, false)]
    [InlineData(6.0, false)]
    public void Overlap_is_a_centre_distance_below_the_sum_of_the_radii(double distance, bool overlaps) =>
        Assert.Equal(overlaps, TissueNegativeSampler.Overlaps(10 + distance, 20, 3, new LesionLocation(10, 20, 2)));
}
