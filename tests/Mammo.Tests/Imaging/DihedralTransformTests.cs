using Mammo.Imaging;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Imaging;

public class DihedralTransformTests
{
    private const int Size = 5;

    // Independent reference implementations, written the way the textbook states them.
    private static byte[] RotateCounterClockwise(byte[] p, int n)
    {
        var result = new byte[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                // The top-right pixel goes to the top-left corner.
                result[((n - 1 - c) * n) + r] = p[(r * n) + c];
            }
        }

        return result;
    }

    private static byte[] MirrorLeftRight(byte[] p, int n) =>
        [.. Enumerable.Range(0, n * n).Select(i => p[((i / n) * n) + (n - 1 - (i % n))])];

    private static byte[] MirrorTopBottom(byte[] p, int n) =>
        [.. Enumerable.Range(0, n * n).Select(i => p[((n - 1 - (i / n)) * n) + (i % n)])];

    [Fact]
    public void Rotations_and_mirrors_match_the_reference_definitions()
    {
        var p = Pgm.Asymmetric(Size);

        Assert.Equal(RotateCounterClockwise(p, Size), DihedralTransform.Rotation(90).Apply(p, Size));
        Assert.Equal(RotateCounterClockwise(RotateCounterClockwise(p, Size), Size), DihedralTransform.Rotation(180).Apply(p, Size));
        Assert.Equal(RotateCounterClockwise(p, Size), DihedralTransform.Rotation(-270).Apply(p, Size));
        Assert.Equal(MirrorLeftRight(p, Size), DihedralTransform.MirrorLeftRight.Apply(p, Size));
        Assert.Equal(MirrorTopBottom(p, Size), DihedralTransform.MirrorTopBottom.Apply(p, Size));
        Assert.Equal(MirrorLeftRight(RotateCounterClockwise(p, Size), Size), new DihedralTransform(1, true).Apply(p, Size));
    }

    [Fact]
    public void The_eight_transforms_are_distinct_and_closed_under_composition()
    {
        var p = Pgm.Asymmetric(Size);
        var images = DihedralTransform.All.Select(t => Convert.ToHexString(t.Apply(p, Size))).ToList();

        Assert.Equal(8, images.Distinct().Count());
        foreach (var a in DihedralTransform.All)
        {
            foreach (var b in DihedralTransform.All)
            {
                var composed = DihedralTransform.Then(a, b);
                Assert.Contains(composed, DihedralTransform.All);
                Assert.Equal(b.Apply(a.Apply(p, Size), Size), composed.Apply(p, Size));
            }
        }
    }

    [Fact]
    public void Dihedral_variants_are_the_eight_distinct_images()
    {
        var p = Pgm.Asymmetric(Size);
        var variants = PatchVariant.Of(VariantScheme.Dihedral);

        Assert.Equal(8, variants.Count);
        Assert.Equal(8, variants.Select(v => Convert.ToHexString(v.Transform.Apply(p, Size))).Distinct().Count());
        Assert.Equal(8, variants.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void Seed_variants_are_twelve_with_exactly_the_four_known_duplicate_pairs()
    {
        var p = Pgm.Asymmetric(Size);
        var variants = PatchVariant.Of(VariantScheme.Original);

        // Build the original's 12 images with the reference operations, as Pillow did them.
        var expected = new Dictionary<string, byte[]>();
        var rotated = p;
        foreach (var angle in new[] { 0, 90, 180, 270 })
        {
            expected[$"{angle}_rotated"] = rotated;
            expected[$"{angle}_mirr_lr"] = MirrorLeftRight(rotated, Size);
            expected[$"{angle}_mirr_tp"] = MirrorTopBottom(rotated, Size);
            rotated = RotateCounterClockwise(rotated, Size);
        }

        Assert.Equal(12, variants.Count);
        foreach (var v in variants)
        {
            Assert.Equal(expected[v.Name], v.Transform.Apply(p, Size));
        }

        var pairs = new List<(string, string)>();
        for (var i = 0; i < variants.Count; i++)
        {
            for (var j = i + 1; j < variants.Count; j++)
            {
                if (variants[i].Transform.Apply(p, Size).SequenceEqual(variants[j].Transform.Apply(p, Size)))
                {
                    pairs.Add((variants[i].Name, variants[j].Name));
                }
            }
        }

        Assert.Equal([("0_mirr_tp", "180_mirr_lr"), ("90_mirr_tp", "270_mirr_lr"), ("0_mirr_lr", "180_mirr_tp"), ("90_mirr_lr", "270_mirr_tp")], pairs.OrderBy(x => x.Item1.Contains("tp", StringComparison.Ordinal) ? 0 : 1).ThenBy(x => x.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Apply_rejects_a_buffer_of_the_wrong_size()
    {
        Assert.Throws<ArgumentException>(() => DihedralTransform.Identity.Apply(new byte[10], 3));
    }
}
