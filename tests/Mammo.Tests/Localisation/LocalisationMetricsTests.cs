using Mammo.Data;
using Mammo.Localisation;

namespace Mammo.Tests.Localisation;

public class LocalisationMetricsTests
{
    private const int Height = 1024;

    private static ScoredRegion Region(double x, double y, double radius, double score) => new(x, Height - y, y, radius, score);

    // Scan A: two lesions; its regions hit lesion 1, miss, hit lesion 1 again, hit lesion 2.
    // Scan B: one lesion; both regions miss it (the second by 10 px with radius 5).
    private static readonly LocalisationCase[] s_cases =
    [
        new("mdbA", [new LesionLocation(100, 100, 30), new LesionLocation(300, 300, 30)],
            [Region(100, 100, 20, 0.9), Region(500, 500, 20, 0.8), Region(105, 100, 20, 0.7), Region(300, 310, 20, 0.6)]),
        new("mdbB", [new LesionLocation(50, 50, 10)], [Region(400, 400, 20, 0.85), Region(50, 60, 5, 0.5)]),
    ];

    [Fact]
    public void A_region_contains_a_lesion_when_the_centre_lies_within_its_radius()
    {
        var region = Region(100, 200, 10, 1);

        Assert.True(region.Contains(new LesionLocation(106, 208, 50)));
        Assert.False(region.Contains(new LesionLocation(107, 208, 1)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public void Top_k_hit_rate_counts_lesions_found_by_a_scans_first_k_regions(int top, int hits)
    {
        var rate = LocalisationMetrics.HitRate(s_cases, top);

        Assert.Equal(hits, rate.Hits);
        Assert.Equal(3, rate.Lesions);
        Assert.Equal(hits / 3.0, rate.Rate, 12);
    }

    [Fact]
    public void Froc_matches_the_hand_computed_curve()
    {
        var curve = LocalisationMetrics.Froc(s_cases);

        // By falling score: 0.9 finds A1; 0.85 and 0.8 are false; 0.7 finds A1 again (neither); 0.6 finds A2; 0.5 is false.
        (double Threshold, double Fp, double Sensitivity)[] expected =
            [(double.PositiveInfinity, 0, 0), (0.9, 0, 1 / 3.0), (0.85, 0.5, 1 / 3.0), (0.8, 1, 1 / 3.0), (0.7, 1, 1 / 3.0), (0.6, 1, 2 / 3.0), (0.5, 1.5, 2 / 3.0)];
        Assert.Equal(expected.Length, curve.Points.Count);
        foreach (var (e, p) in expected.Zip(curve.Points))
        {
            Assert.Equal(e.Threshold, p.Threshold);
            Assert.Equal(e.Fp, p.FalsePositivesPerImage, 12);
            Assert.Equal(e.Sensitivity, p.Sensitivity, 12);
        }

        Assert.Equal((2, 3), (curve.Images, curve.Lesions));
        Assert.Equal(1 / 3.0, curve.SensitivityAt(0.5), 12);
        Assert.Equal(2 / 3.0, curve.SensitivityAt(1), 12);
        Assert.Equal(2 / 3.0, curve.SensitivityAt(4), 12);
    }

    [Fact]
    public void Regions_with_equal_scores_pass_a_threshold_together()
    {
        LocalisationCase[] cases = [new("mdbC", [new LesionLocation(10, 10, 5)], [Region(10, 10, 5, 0.5), Region(90, 90, 5, 0.5)])];

        var curve = LocalisationMetrics.Froc(cases);

        Assert.Equal(2, curve.Points.Count);
        Assert.Equal((0.5, 1.0, 1.0), (curve.Points[1].Threshold, curve.Points[1].FalsePositivesPerImage, curve.Points[1].Sensitivity));
    }
}
