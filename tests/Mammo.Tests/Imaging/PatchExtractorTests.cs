using Mammo.Data;
using Mammo.Imaging;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging;

public class PatchExtractorTests
{
    private const int ScanSize = 1024;

    private static Scan ScanWith(params LesionLocation?[] locations)
    {
        var lesions = locations.Select((l, i) => new Lesion("mdb001", i, new Patient(1), AbnormalityClass.Circumscribed, Severity.Benign, l, null, 100 + i)).ToList();
        return new Scan("mdb001", 1, Tissue.Fatty, lesions, 100);
    }

    private static (double Row, double Column, double Mass) BrightCentroid(byte[] pixels, int size, byte threshold = 128)
    {
        double rows = 0, columns = 0, mass = 0;
        for (var i = 0; i < pixels.Length; i++)
        {
            if (pixels[i] >= threshold)
            {
                rows += (i / size) + 0.5;
                columns += (i % size) + 0.5;
                mass++;
            }
        }

        return (rows / mass, columns / mass, mass);
    }

    [Fact]
    public void A_disc_at_a_known_MIAS_location_lands_at_the_patch_centre()
    {
        // MIAS y = 700 is image row 324: far from the middle, so a missing y flip cannot pass.
        var scanImage = Pgm.WithDisc(ScanSize, ScanSize, column: 300, row: ScanSize - 700, radius: 20);
        var scan = ScanWith(new LesionLocation(300, 700, 40));
        var extractor = new PatchExtractor(new PatchOptions { Variants = VariantScheme.None });

        var origin = Assert.Single(extractor.Plan([scan]).Origins);
        var patch = extractor.Cut(scanImage, origin);

        Assert.Equal(48 * 48, patch.Length);
        var (row, column, mass) = BrightCentroid(patch, 48);
        Assert.InRange(row, 23.5, 24.5);
        Assert.InRange(column, 23.5, 24.5);
        // A disc of radius 20 in a 80-pixel square covers π/16 of it: ≈ 452 of 2304 pixels.
        Assert.InRange(mass, 400, 510);
    }

    [Fact]
    public void Without_the_y_flip_the_same_cut_would_miss_the_disc()
    {
        var scanImage = Pgm.WithDisc(ScanSize, ScanSize, column: 300, row: ScanSize - 700, radius: 20);
        var wrongOrigin = new PatchOrigin(ScanWith(), null, 300, ScanSize - 700, 40);

        var patch = new PatchExtractor().Cut(scanImage, wrongOrigin);

        Assert.Equal(0, BrightCentroid(patch, 48).Mass);
    }

    [Theory]
    [InlineData(10, 500, "left")]
    [InlineData(1014, 500, "right")]
    [InlineData(500, 1014, "top")]
    [InlineData(500, 10, "bottom")]
    public void Squares_leaving_the_image_are_zero_padded_at_each_border(double x, double y, string border)
    {
        // Radius 24 gives a 48-pixel square: no resampling, so every pixel can be checked exactly.
        var scanImage = Pgm.WithDisc(ScanSize, ScanSize, 0, 0, 0, background: 10);
        var origin = new PatchOrigin(ScanWith(), null, x, y, 24);

        var patch = new PatchExtractor().Cut(scanImage, origin);

        for (var r = 0; r < 48; r++)
        {
            for (var c = 0; c < 48; c++)
            {
                var outside = border switch
                {
                    "left" => c < 14,
                    "right" => c >= 34,
                    "top" => r < 14,
                    _ => r >= 34,
                };
                Assert.Equal(outside ? 0 : 10, patch[(r * 48) + c]);
            }
        }
    }

    [Fact]
    public void The_default_plan_keeps_every_located_lesion_and_skips_those_without_location()
    {
        var scan = ScanWith(new LesionLocation(100, 100, 10), null, new LesionLocation(200, 200, 30));
        var normal = new Scan("mdb002", 2, Tissue.Fatty, [], 101);

        var plan = new PatchExtractor().Plan([scan, normal]);

        Assert.Equal(["mdb001-0", "mdb001-2", "mdb002-n"], plan.Origins.Select(o => o.Id));
        Assert.Contains("mdb001 CIRC B has no location", Assert.Single(plan.Skipped).Reason, StringComparison.Ordinal);
        var normalOrigin = plan.Origins[2];
        Assert.InRange(normalOrigin.X, 500, 512);
        Assert.InRange(normalOrigin.Y, 500, 512);
        Assert.Equal(48, normalOrigin.Radius);
    }

    [Fact]
    public void The_seed_plan_takes_the_first_lesion_drops_notes_and_cuts_unlocated_lesions_at_random_centres()
    {
        var twoLesions = ScanWith(new LesionLocation(100, 100, 10), new LesionLocation(200, 200, 30));
        var unlocated = new Scan("mdb059", 59, Tissue.Fatty, [new Lesion("mdb059", 0, new Patient(30), AbnormalityClass.Circumscribed, Severity.Benign, null, null, 1)], 1);
        var note = new Scan("mdb216", 216, Tissue.Fatty, [new Lesion("mdb216", 0, new Patient(108), AbnormalityClass.Calcification, Severity.Malignant, null, "*NOTE 3*", 2)], 2);

        var plan = new PatchExtractor(new PatchOptions { Variants = VariantScheme.Original }).Plan([twoLesions, unlocated, note]);

        Assert.Equal(["mdb001-0", "mdb059-0"], plan.Origins.Select(o => o.Id));
        Assert.InRange(plan.Origins[1].X, 500, 512);
        Assert.Equal(48, plan.Origins[1].Radius);
        Assert.Equal(AbnormalityClass.Circumscribed, plan.Origins[1].Class);
        Assert.Equal("mdb216", Assert.Single(plan.Skipped).ScanId);
    }

    [Fact]
    public void Random_centres_depend_on_the_seed_only_not_on_the_order_of_scans()
    {
        var scans = Enumerable.Range(1, 40).Select(n => new Scan($"mdb{n:000}", n, Tissue.Fatty, [], n)).ToList();

        var a = new PatchExtractor(new PatchOptions { Seed = 7 }).Plan(scans).Origins.ToDictionary(o => o.Id, o => (o.X, o.Y));
        var b = new PatchExtractor(new PatchOptions { Seed = 7 }).Plan(Enumerable.Reverse(scans)).Origins.ToDictionary(o => o.Id, o => (o.X, o.Y));
        var c = new PatchExtractor(new PatchOptions { Seed = 8 }).Plan(scans).Origins.ToDictionary(o => o.Id, o => (o.X, o.Y));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Uniform over 500..512 inclusive: 40 draws reach both halves of the range.
        Assert.Contains(a.Values, v => v.X <= 505);
        Assert.Contains(a.Values, v => v.X >= 508);
    }

    [Fact]
    public void Radius_rules_scale_fix_and_floor_the_cut()
    {
        Assert.Equal(30, RadiusRule.Parse("lesion").Apply(30));
        Assert.Equal(45, RadiusRule.Parse("scale:1.5").Apply(30));
        Assert.Equal(24, RadiusRule.Parse("fixed:24").Apply(30));
        Assert.Equal(16, RadiusRule.Parse("scale:1,min:16").Apply(3));
        Assert.Throws<InvalidSettingException>(() => RadiusRule.Parse("scale:-1"));
        Assert.Throws<InvalidSettingException>(() => RadiusRule.Parse("big:2"));
    }

    [Fact]
    public void Extract_reads_each_scan_once_and_returns_variants_in_order()
    {
        using var folder = new TempFolder();
        SyntheticMias.Write(folder.Path, ["mdb001 G CIRC B 20 40 8", "mdb001 G CIRC B 44 20 6", "mdb002 G NORM"], size: 64);
        var dataset = MiasDataset.Load(DatasetSource.Open(folder.Path), new DatasetLoadOptions(ImageSize: 64));
        var extractor = new PatchExtractor(new PatchOptions { Size = 16, NormalRadius = 8, NormalCentreMin = 30, NormalCentreMax = 34, Threads = 2 });

        var plan = extractor.Plan(dataset.Scans);
        var patches = extractor.Extract(dataset.Source, plan);

        Assert.Equal(3 * 8, patches.Count);
        Assert.Equal(plan.Origins.SelectMany(o => extractor.Variants.Select(v => $"{o.Id}-{v.Name}")), patches.Select(p => p.Id));
        var first = patches[0];
        Assert.Equal(DihedralTransform.Identity, first.Variant.Transform);
        var (row, column, _) = BrightCentroid(first.Pixels, 16);
        Assert.InRange(row, 7, 9);
        Assert.InRange(column, 7, 9);

        // Cut once each, in the order asked (here reversed): the region Extract augments, its identity variant.
        var reversed = plan.Origins.Reverse().ToList();
        var cut = extractor.CutEach(dataset.Source, reversed);
        Assert.Equal(reversed.Select(o => patches.Single(p => p.Origin == o && p.Variant.Transform == DihedralTransform.Identity).Pixels), cut);
    }
}
